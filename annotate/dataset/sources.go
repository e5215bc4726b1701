package dataset

import (
	"fmt"
	"io/fs"
	"os"

	"github.com/newsmark/newsmark/annotate"
)

// maxSourceFileBytes caps a web page or Word file before it is read: four times the
// text limit, since markup outweighs the text it holds.
const maxSourceFileBytes = 4 * annotate.MaxDocumentBytes

// readSource reads a whole source file after checking its size.
func readSource(path string, info fs.FileInfo) ([]byte, error) {
	if info.Size() > maxSourceFileBytes {
		return nil, annotate.Errorf(annotate.EINVALID, "file is %d bytes, over the limit of %d bytes (%d MiB) for one page or Word file",
			info.Size(), int64(maxSourceFileBytes), maxSourceFileBytes>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	return data, nil
}

// html reads one saved web page as one document (ExtractHTML).
func (r *reader) html(path string, info fs.FileInfo) bool {
	data, err := readSource(path, info)
	if err != nil {
		return r.fail(path, err)
	}
	doc, err := ExtractHTML(data, path)
	if err != nil {
		return r.fail(path, err)
	}
	return r.yield(annotate.ImportRecord{Origin: path, Document: doc}, nil)
}

// docx reads one Word file: one document, or one per article with
// ReadOptions.SplitArticles (ExtractDocx). Split articles are named
// "path (article N)" in errors and progress.
func (r *reader) docx(path string, info fs.FileInfo) bool {
	data, err := readSource(path, info)
	if err != nil {
		return r.fail(path, err)
	}
	docs, err := ExtractDocx(data, path, r.opts.SplitArticles)
	if err != nil {
		return r.fail(path, err)
	}
	for i, doc := range docs {
		origin := path
		if r.opts.SplitArticles {
			origin = fmt.Sprintf("%s (article %d)", path, i+1)
		}
		if !r.yield(annotate.ImportRecord{Origin: origin, Document: doc}, nil) {
			return false
		}
	}
	return true
}
