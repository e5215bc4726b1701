package dataset

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/atomicfile"
)

// fileTarget is what an export's --out names once symbolic links are followed.
type fileTarget struct {
	path   string // the file written or replaced
	direct bool   // a character device or a named pipe: written straight into
}

// resolveFileTarget decides how a single-file export reaches out. A symbolic link
// is followed, and the file it leads to is replaced atomically (the link stays a
// link). A character device (/dev/null, a terminal) or a named pipe is written
// straight into: a temporary file renamed over it would destroy the node. Any
// other kind of file that is not a regular file is refused.
func resolveFileTarget(out string, format Format) (fileTarget, error) {
	path, err := followLinks(out)
	if err != nil {
		return fileTarget{}, err
	}
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fileTarget{path: path}, nil
	}
	if err != nil {
		return fileTarget{}, fmt.Errorf("export to %s: %w", annotate.QuotePath(out), err)
	}
	mode := info.Mode()
	switch {
	case mode.IsRegular():
		return fileTarget{path: path}, nil
	case mode.IsDir():
		return fileTarget{}, annotate.Errorf(annotate.EINVALID, "%s is a folder; give a file name for a %s export", annotate.QuotePath(out), format)
	case mode&fs.ModeCharDevice != 0, mode&fs.ModeNamedPipe != 0:
		return fileTarget{path: path, direct: true}, nil
	}
	return fileTarget{}, annotate.Errorf(annotate.EINVALID,
		"%s is %s, not a regular file; an export writes to a regular file, a character device or a named pipe",
		annotate.QuotePath(out), describeMode(mode))
}

// maxLinkDepth is how many symbolic links in a row are followed, as Linux does.
const maxLinkDepth = 40

// followLinks follows out through symbolic links, one at a time so that a link to
// a file not yet there (a dangling link) still leads to where it should be.
func followLinks(out string) (string, error) {
	path := out
	for range maxLinkDepth {
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", fmt.Errorf("export to %s: follow the link: %w", annotate.QuotePath(out), err)
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", annotate.Errorf(annotate.EINVALID, "export to %s: too many symbolic links in a row (a loop?)", annotate.QuotePath(out))
}

// tempPattern matches the temporary files and folders exports make beside their
// target (".NAME.tmp-123", ".NAME.old-123"); nothing else is ever removed.
var tempPattern = regexp.MustCompile(`^\..+\.(tmp|old)-[0-9]+$`)

// staleFolderAge is how old a temporary folder without its marker must be before
// it counts as left behind: a live export writes its marker at once.
const staleFolderAge = 10 * time.Minute

// removeStaleTemps removes, in dir, temporary files and folders that earlier
// exports left when they were killed: files nobody holds a lock on, and folders
// whose marker is unlocked (or that have none and are old). A temporary of a
// running export is locked and stays.
func removeStaleTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !tempPattern.MatchString(e.Name()) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		holdPath := path
		if e.IsDir() {
			holdPath = filepath.Join(path, exportMarker)
			if _, err := os.Stat(holdPath); err != nil {
				if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleFolderAge {
					os.RemoveAll(path)
				}
				continue
			}
		} else if !e.Type().IsRegular() {
			continue
		}
		atomicfile.RemoveUnused(path, holdPath)
	}
}
