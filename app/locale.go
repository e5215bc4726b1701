package app

// The workbench (and with it every binary that links it: newsmark, the test
// binaries) starts without Fyne logging "Error parsing user locale C" under
// C.UTF-8: localeenv's init runs before Fyne's lang package reads the locale (see
// its package comment for why the order holds).
import _ "github.com/newsmark/newsmark/app/internal/localeenv"
