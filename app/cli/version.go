package cli

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// Commit is the git commit the binary was built from; scripts/package.sh stamps it
// with -ldflags "-X github.com/newsmark/newsmark/app/cli.Commit=...", as it stamps
// Version from FyneApp.toml. Empty in a plain `go build`.
var Commit = ""

// BuildCommit is the commit this binary was built from: the stamped one, else the
// revision Go recorded (a `go build` in a git checkout with VCS stamping on), else
// "unknown".
func BuildCommit() string {
	if Commit != "" {
		return Commit
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		var revision, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if revision != "" {
			if len(revision) > 12 {
				revision = revision[:12]
			}
			if modified == "true" {
				revision += "-dirty"
			}
			return revision
		}
	}
	return "unknown"
}

// FyneVersion is the version of the Fyne toolkit compiled into this binary, from
// the build information Go records (this package imports no Fyne code, so it
// reads it there); "unknown" where Go recorded none, as in test binaries.
func FyneVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	for _, dep := range info.Deps {
		if dep.Path == "fyne.io/fyne/v2" {
			if dep.Replace != nil {
				return dep.Replace.Version + " (replaced)"
			}
			return dep.Version
		}
	}
	return "unknown"
}

// writeVersion prints what `newsmark version` and `newsmark --version` print: the
// version on the first line alone (scripts read it), then what a bug report needs.
func writeVersion(w io.Writer) {
	fmt.Fprintf(w, "newsmark %s\ncommit %s\nbuilt with %s and Fyne %s for %s/%s\n",
		Version, BuildCommit(), runtime.Version(), FyneVersion(), runtime.GOOS, runtime.GOARCH)
}
