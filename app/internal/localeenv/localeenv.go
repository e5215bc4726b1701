// Package localeenv keeps Fyne from logging "Error parsing user locale C" on
// every start (and every command-line call) on machines whose locale is C.UTF-8
// or POSIX.UTF-8, the default of Debian and Ubuntu containers, WSL and many CI
// runners (fyne-io/fyne#5271).
//
// Fyne's lang package reads the locale in its own init, through
// github.com/jeandeaual/go-locale, which treats a bare "C" as "no language" but
// passes "C.UTF-8" on as the language tag "C", which does not parse. When the
// locale is such a C locale and LANGUAGE is unset, this package sets
// LANGUAGE=en: go-locale then reads English, and nothing else changes (gettext
// ignores LANGUAGE under a C locale, and LANG and LC_* are left alone because
// GLFW's keyboard input needs the UTF-8 character type).
//
// It must run before fyne.io/fyne/v2/lang's init; package app imports it for its
// side effect. Go initialises packages in import-path order among those whose
// imports are ready (the Go spec, "Package initialization", since Go 1.21); this
// package imports only os and strings, and Fyne's lang package waits for
// github.com/nicksnyder/go-i18n, whose path sorts after this one's, so this
// init comes first. TestFyneFindsNoBadLocaleAtStart (main_test.go) fails if
// that ever changes.
package localeenv

import (
	"os"
	"strings"
)

func init() {
	Apply(os.Getenv, os.Setenv)
}

// Apply sets LANGUAGE=en when the effective locale (LC_ALL, else LC_MESSAGES,
// else LANG) is C or POSIX with an encoding suffix and LANGUAGE is empty. It
// reports whether it did.
func Apply(getenv func(string) string, setenv func(string, string) error) bool {
	if getenv("LANGUAGE") != "" {
		return false
	}
	var locale string
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(name); locale != "" {
			break
		}
	}
	base, _, hasEncoding := strings.Cut(locale, ".")
	if !hasEncoding || (base != "C" && base != "POSIX") {
		return false
	}
	return setenv("LANGUAGE", "en") == nil
}
