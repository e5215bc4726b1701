package app

import (
	"os"
	"os/user"
	"strings"

	"fyne.io/fyne/v2"
)

// Preference keys. They live in Fyne's per-app preferences (keyed by the app ID), so
// they survive restarts but are not part of the annotation database: two people
// sharing one database each keep their own window and reading position.
const (
	prefAnnotator    = "annotator"
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
	prefLastDocument = "document.last"      // id of the document open at quit
	prefLastScroll   = "document.scroll"    // scroll offset of that document
	prefLastCaret    = "document.caret"     // caret offset (code points) in that document, on screen at quit
	prefTextScale    = "document.textScale" // the article's text size, a multiple of the theme's
)

// Window size on first start: wide enough for library, text and annotations side by side.
const (
	defaultWindowWidth  = 1280
	defaultWindowHeight = 800
	minWindowWidth      = 640
	minWindowHeight     = 420
)

// resolveAnnotator picks the name written on new annotations: the explicit option,
// else the saved preference, else the login name, so that a fresh install needs no
// setup and spans never go unattributed.
func resolveAnnotator(explicit string, prefs fyne.Preferences, loginName func() string) string {
	if name := strings.TrimSpace(explicit); name != "" {
		return name
	}
	if prefs != nil {
		if name := strings.TrimSpace(prefs.StringWithFallback(prefAnnotator, "")); name != "" {
			return name
		}
	}
	if loginName != nil {
		if name := strings.TrimSpace(loginName()); name != "" {
			return name
		}
	}
	return "annotator"
}

// osLoginName is the user's login name from the OS, falling back to $USER (os/user
// can fail in containers without an /etc/passwd entry).
func osLoginName() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if name := os.Getenv("USER"); name != "" {
		return name
	}
	return os.Getenv("USERNAME")
}
