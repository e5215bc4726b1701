package main

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/app/cli"
)

// TestMain lets TestFyneFindsNoBadLocaleAtStart run this test binary again just
// to watch what the package inits print.
func TestMain(m *testing.M) {
	if os.Getenv("NEWSMARK_INIT_PROBE") == "1" {
		os.Exit(0) // every init has run by now, Fyne's included
	}
	os.Exit(m.Run())
}

// Under C.UTF-8 (Debian containers, WSL, CI) Fyne logs "Error parsing user
// locale C" from its init unless app/internal/localeenv ran first; this checks the init
// order that promise rests on.
func TestFyneFindsNoBadLocaleAtStart(t *testing.T) {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "NEWSMARK_INIT_PROBE=1", "LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("probe: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "locale") {
		t.Errorf("starting under LANG=C.UTF-8 printed:\n%s", out)
	}
}

// A plain `go build` reports cli.Version; the packages stamp FyneApp.toml's. They
// must agree, or `newsmark version` would depend on how the binary was built.
func TestVersionMatchesFyneAppToml(t *testing.T) {
	raw, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Version\s*=\s*"([^"]+)"`).FindSubmatch(raw)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version line")
	}
	if got := string(m[1]); got != cli.Version {
		t.Errorf("FyneApp.toml says version %s, cli.Version says %s: change both", got, cli.Version)
	}
}
