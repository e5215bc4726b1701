package app

import (
	"encoding/json"
	"os"
	"os/user"
	"strings"

	"fyne.io/fyne/v2"
)

// Preference keys. They live in Fyne's per-app preferences (keyed by the app ID), so
// they survive restarts but are not part of the annotation database: two people
// sharing one database each keep their own window and reading position.
const (
	prefAnnotator = "annotator"
	prefSession   = "session"            // a session value as JSON: window size, last document, scroll, caret
	prefTextScale = "document.textScale" // the article's text size, a multiple of the theme's
)

// session is what the workbench remembers between runs, kept under one
// preference key. One key means one write per save: Fyne writes the preferences
// file on every change and reloads it when it changes on disk, and when quitting
// set five keys one after another, a reload of the file written after the first
// change sometimes put older values back (the caret and window size were lost on
// a loaded machine).
type session struct {
	WindowWidth  float32 `json:"window_width,omitempty"`
	WindowHeight float32 `json:"window_height,omitempty"`
	Document     int64   `json:"document,omitempty"` // open at quit
	Scroll       float32 `json:"scroll,omitempty"`   // of that document, in pixels
	Caret        int     `json:"caret,omitempty"`    // in that document, code points, on screen at quit
}

// loadSession reads the remembered session; a missing or unreadable value gives
// the zero session (first start).
func loadSession(prefs fyne.Preferences) session {
	var s session
	if raw := prefs.StringWithFallback(prefSession, ""); raw != "" {
		if err := json.Unmarshal([]byte(raw), &s); err != nil {
			return session{}
		}
	}
	return s
}

// storeSession remembers s.
func storeSession(prefs fyne.Preferences, s session) {
	raw, err := json.Marshal(s)
	if err != nil {
		return // a struct of numbers always marshals
	}
	prefs.SetString(prefSession, string(raw))
}

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
