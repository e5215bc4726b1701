// Package chart draws the overview's charts with gonum.org/v1/plot and writes them
// as PNG, SVG or PDF, with the numbers behind each as CSV. It imports no Fyne: the
// command line renders to files, and the Overview window renders the same figure to
// an image at the screen's pixel scale.
//
// A figure is built from the numbers package annotate/overview computes, in a theme
// (light or dark, with the label colours), and knows how many data series it drew,
// so tests compare that with the data instead of inspecting pixels.
package chart
