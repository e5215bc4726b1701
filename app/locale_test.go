package app

// Test binaries start the way the app does: without this, Fyne's init logs
// "Error parsing user locale C" under C.UTF-8 before every test run.
import _ "github.com/newsmark/newsmark/app/localeenv"
