package dataset

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// ReadOptions steer Read.
type ReadOptions struct {
	// Format of the input; "" or auto detects it per file by extension and content.
	Format Format
	// Unit in which the files count offsets; "" means code points.
	Unit annotate.Unit
	// Skipped, if set, hears of each entry met inside a folder that is not a
	// regular file (a named pipe, a device, a socket, a broken link) and was
	// therefore not read: opening a named pipe would block until some other
	// program wrote to it. It may be called from Read's own goroutine.
	Skipped func(path, what string)
	// SplitArticles makes a Word file holding several articles one document per
	// article (ExtractDocx).
	SplitArticles bool
	// Clean removes leading and trailing boilerplate lines from plain-text files
	// (see Cleaner); OnClean, if set, hears what was removed from each file
	// cleaning changed or had to leave whole. It is called from the reading
	// goroutine.
	Clean   bool
	OnClean func(CleanReport)
}

// Read walks paths (files or folders, folders recursively in sorted order) and yields
// one record per document. A bad file or record yields a zero record and an
// annotate.RecordError whose Origin is "path" or "path:line"; reading goes on with
// the next record, so the caller decides whether to stop (stop by returning false).
//
// In a folder, files whose extension does not belong to the format, and hidden files
// and folders (names starting with "."), are skipped silently: folders of articles
// often hold notes, images and editor files. A file named explicitly is always read;
// under auto, one with an unknown extension is read as plain text.
//
// Under auto a folder holding .ann files is read as brat: each DOC.ann with its
// DOC.txt; a .txt without .ann is a plain document; an .ann without its .txt is an
// error naming it.
//
// Files are read and decoded in a goroutine a few records ahead of the consumer,
// so decoding overlaps with the database work of an import.
func Read(paths []string, opts ReadOptions) iter.Seq2[annotate.ImportRecord, error] {
	return pipelined(readSequential(paths, opts), 4, recordWeight)
}

// ReadAhead is Read begun at once: files are read and web pages extracted from
// the call on, while the caller does something else first (the import command
// opens and, for a new file, creates the database meanwhile, which on a folder of
// web pages keeps the other core busy extracting). The records can be ranged over
// once. stop ends the reading and waits for it; call it (defer it) whether or not
// the records were ranged over, for a caller that fails before ranging.
func ReadAhead(paths []string, opts ReadOptions) (records iter.Seq2[annotate.ImportRecord, error], stop func()) {
	ahead := startPipelined(readSequential(paths, opts), 4, recordWeight)
	return ahead.consume, ahead.stop
}

// readSequential is Read without the read-ahead.
func readSequential(paths []string, opts ReadOptions) iter.Seq2[annotate.ImportRecord, error] {
	return func(yield func(annotate.ImportRecord, error) bool) {
		r := reader{opts: opts}
		r.yield = r.inOrder(yield)
		defer r.pages.close() // after abandon: no worker uses it then
		defer r.abandon()
		if r.opts.Unit == "" {
			r.opts.Unit = annotate.UnitCodepoint
		}
		if r.opts.Format == "" {
			r.opts.Format = FormatAuto
		}
		if r.opts.Format == FormatCSV {
			r.fail("", annotate.Errorf(annotate.EINVALID, "csv is an export format only; import spacy, doccano, label-studio or brat instead"))
			return
		}
		if r.opts.Clean {
			r.cleaner = NewCleaner(paths)
		}
		for _, path := range paths {
			if !r.path(path) {
				return
			}
		}
		r.drain(0)
	}
}

// reader carries one Read's options and its consumer.
type reader struct {
	opts    ReadOptions
	yield   func(annotate.ImportRecord, error) bool
	cleaner *Cleaner // nil unless opts.Clean

	// Web pages and Word files are extracted on worker goroutines, several at a
	// time (extraction is most of their cost); their records are handed on in
	// file order all the same (see sources.go).
	out     func(annotate.ImportRecord, error) bool // the consumer
	pending []*extraction
	slots   chan struct{} // one per extraction running (maxExtractions)
	stopped bool
	pages   pagePacker // the web pages' buffers and compressor
}

// fail yields a RecordError; it reports whether reading should go on.
func (r *reader) fail(origin string, err error) bool {
	return r.yield(annotate.ImportRecord{}, annotate.RecordError{Origin: origin, Err: err})
}

func (r *reader) path(path string) bool {
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return r.fail(path, annotate.Errorf(annotate.ENOTFOUND, "no such file or folder"))
		}
		return r.fail(path, fmt.Errorf("cannot read: %w", err))
	}
	if info.IsDir() {
		return r.folder(path)
	}
	return r.file(path, info)
}

// folder reads every matching file under dir in sorted order.
func (r *reader) folder(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return r.fail(dir, fmt.Errorf("cannot list folder: %w", err))
	}
	// os.ReadDir sorts by name already; sort anyway so the order is documented here.
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	brat := r.opts.Format == FormatBrat
	if r.opts.Format == FormatAuto {
		for _, e := range entries {
			if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".ann") && !hidden(e.Name()) {
				brat = true
				break
			}
		}
	}
	var annNames map[string]bool
	if brat {
		annNames = map[string]bool{}
		for _, e := range entries {
			if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".ann") {
				annNames[strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))] = true
			}
		}
	}
	for _, e := range entries {
		name := e.Name()
		if hidden(name) {
			continue
		}
		path := filepath.Join(dir, name)
		if e.IsDir() {
			if !r.folder(path) {
				return false
			}
			continue
		}
		if !e.Type().IsRegular() && !r.regularBehindLink(path) {
			continue
		}
		ext := strings.ToLower(filepath.Ext(name))
		if brat {
			stem := strings.TrimSuffix(name, filepath.Ext(name))
			switch {
			case ext == ".ann":
				if !r.brat(path) {
					return false
				}
			case ext == ".txt" && annNames[stem]:
				// read together with its .ann
			case ext == ".txt" || ext == ".md":
				if !r.fileAs(path, FormatText) {
					return false
				}
			}
			continue
		}
		format := r.opts.Format
		if format == FormatAuto {
			format = formatByExt(ext)
			if format == "" {
				continue
			}
			if format == FormatJSONL || format == FormatLabelStudio {
				format = sniffJSON(path, format)
			}
		} else if !extFits(format, ext) {
			continue
		}
		if !r.fileAs(path, format) {
			return false
		}
	}
	return true
}

func hidden(name string) bool { return strings.HasPrefix(name, ".") }

// extensionFormats is auto detection by extension.
var extensionFormats = map[string]Format{
	".txt": FormatText, ".md": FormatText, ".text": FormatText, ".markdown": FormatText,
	".jsonl": FormatJSONL, ".ndjson": FormatJSONL,
	".json":  FormatLabelStudio,
	".conll": FormatCoNLL, ".conll03": FormatCoNLL, ".bio": FormatCoNLL, ".iob": FormatCoNLL,
	".ann":  FormatBrat,
	".html": FormatHTML, ".htm": FormatHTML, ".xhtml": FormatHTML,
	".docx": FormatDocx,
}

// regularBehindLink reports whether a folder entry that is not itself a regular
// file (a symlink, a named pipe, a device, a socket) leads to one. Anything else
// is reported to Skipped and left unread.
func (r *reader) regularBehindLink(path string) bool {
	info, err := os.Stat(path)
	if err == nil && info.Mode().IsRegular() {
		return true
	}
	if r.opts.Skipped != nil {
		what := "a broken link"
		if err == nil {
			what = describeMode(info.Mode())
		}
		r.opts.Skipped(path, what)
	}
	return false
}

// describeMode names a kind of file that is not a regular file, for messages.
func describeMode(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeCharDevice != 0:
		return "a character device"
	case mode&fs.ModeDevice != 0:
		return "a block device"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	case mode.IsDir():
		return "a folder"
	}
	return "not a regular file"
}

// readLimited reads a whole file (or a pipe, or a device named on the command
// line) but never more than one byte past the limit of one document, whatever
// stat said: /dev/zero reports size 0 and never ends.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, annotate.MaxDocumentBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	if len(data) > annotate.MaxDocumentBytes {
		return nil, tooLarge(-1)
	}
	return data, nil
}

// tooLarge is the error for a text over the limit; size < 0 when only reading
// found out (a pipe or a device has no size to stat).
func tooLarge(size int64) error {
	if size < 0 {
		return annotate.Errorf(annotate.EINVALID, "is over the limit of %d bytes (%d MiB) for one document", annotate.MaxDocumentBytes, annotate.MaxDocumentBytes>>20)
	}
	return annotate.Errorf(annotate.EINVALID, "file is %d bytes, over the limit of %d bytes (%d MiB) for one document", size, annotate.MaxDocumentBytes, annotate.MaxDocumentBytes>>20)
}

// formatByExt is auto detection by extension; "" means "not a dataset file".
func formatByExt(ext string) Format { return extensionFormats[ext] }

// ImportableExtensions lists, sorted, the file extensions import recognises (in
// lower case, with the dot): what a file picker offers.
func ImportableExtensions() []string {
	exts := make([]string, 0, len(extensionFormats))
	for ext := range extensionFormats {
		exts = append(exts, ext)
	}
	sort.Strings(exts)
	return exts
}

// extFits says whether a file met in a folder belongs to an explicitly given format.
func extFits(format Format, ext string) bool {
	byExt := formatByExt(ext)
	switch format {
	case FormatText:
		return byExt == FormatText
	case FormatJSONL, FormatSpacy, FormatDoccano, FormatHF:
		return byExt == FormatJSONL || ext == ".json"
	}
	return byExt == format
}

func (r *reader) fileAs(path string, format Format) bool {
	info, err := os.Stat(path)
	if err != nil {
		return r.fail(path, fmt.Errorf("cannot read: %w", err))
	}
	return r.fileFormat(path, info, format)
}

// file reads a file named explicitly.
func (r *reader) file(path string, info fs.FileInfo) bool {
	format := r.opts.Format
	ext := strings.ToLower(filepath.Ext(path))
	if format == FormatAuto {
		if ext == ".csv" {
			return r.fail(path, annotate.Errorf(annotate.EINVALID, "csv is an export format only; import spacy, doccano, label-studio or brat instead"))
		}
		format = formatByExt(ext)
		if format == "" {
			format = FormatText
		}
		if (format == FormatJSONL || format == FormatLabelStudio) && info.Mode().IsRegular() {
			// A pipe cannot be read twice: no sniffing, the extension decides.
			format = sniffJSON(path, format)
		}
	}
	return r.fileFormat(path, info, format)
}

func (r *reader) fileFormat(path string, info fs.FileInfo, format Format) bool {
	switch format {
	case FormatText:
		return r.text(path, info)
	case FormatJSONL, FormatSpacy, FormatDoccano, FormatHF:
		return r.decodeFile(path, func(f io.Reader) Decoder {
			return NewJSONLDecoder(f, path, DecodeOptions{Format: format, Unit: r.opts.Unit})
		})
	case FormatLabelStudio:
		return r.decodeFile(path, func(f io.Reader) Decoder {
			return NewLabelStudioDecoder(f, path, DecodeOptions{Format: format, Unit: r.opts.Unit})
		})
	case FormatCoNLL:
		return r.decodeFile(path, func(f io.Reader) Decoder {
			return NewCoNLLDecoder(f, path, DecodeOptions{Format: format, Unit: r.opts.Unit})
		})
	case FormatBrat:
		return r.brat(path)
	case FormatHTML:
		return r.html(path, info)
	case FormatDocx:
		return r.docx(path, info)
	}
	return r.fail(path, annotate.Errorf(annotate.EINVALID, "format %s cannot be imported", format))
}

// sniffJSON tells a .json file holding JSON lines from a Label Studio array (and the
// other way round) by its first non-blank byte.
func sniffJSON(path string, guess Format) Format {
	f, err := os.Open(path)
	if err != nil {
		return guess // the decoder reports the error
	}
	defer f.Close()
	buf := make([]byte, 512)
	n, _ := io.ReadFull(f, buf)
	for _, b := range buf[:n] {
		switch b {
		case ' ', '\t', '\r', '\n', 0xEF, 0xBB, 0xBF:
			continue
		case '[':
			return FormatLabelStudio
		case '{':
			return FormatJSONL
		}
		return guess
	}
	return guess
}

// decodeFile runs a decoder over one file and yields what it finds.
func (r *reader) decodeFile(path string, newDecoder func(io.Reader) Decoder) bool {
	f, err := os.Open(path)
	if err != nil {
		return r.fail(path, fmt.Errorf("cannot read: %w", err))
	}
	defer f.Close()
	dec := newDecoder(f)
	for {
		rec, err := dec.Decode()
		if err == io.EOF {
			return true
		}
		if err != nil {
			var re annotate.RecordError
			if !errors.As(err, &re) {
				re = annotate.RecordError{Origin: path, Err: err}
			}
			// Decoders that cannot go on after an error return io.EOF next.
			if !r.yield(annotate.ImportRecord{}, re) {
				return false
			}
			continue
		}
		if !r.yield(rec, nil) {
			return false
		}
	}
}

// text reads one plain-text file as one document.
func (r *reader) text(path string, info fs.FileInfo) bool {
	if info.Size() > annotate.MaxDocumentBytes {
		return r.fail(path, tooLarge(info.Size()))
	}
	data, err := readLimited(path)
	if err != nil {
		return r.fail(path, err)
	}
	text, err := checkText(data)
	if err != nil {
		return r.fail(path, err)
	}
	if r.cleaner != nil {
		text = r.clean(path, text)
	}
	doc := annotate.Document{
		Title:  annotate.TitleFromText(text),
		Source: path,
		Text:   text,
		Hash:   annotate.ContentHash(text),
	}
	return r.yield(annotate.ImportRecord{Origin: path, Document: doc}, nil)
}

func recordWeight(rec annotate.ImportRecord) int { return len(rec.Document.Text) }
