package dataset

import (
	"context"
	"encoding/json"
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
	"github.com/newsmark/newsmark/annotate/atomicfile"
)

// ExportOptions steer Export.
type ExportOptions struct {
	Format   Format
	Unit     annotate.Unit    // "" means code points
	Tokens   bool             // spacy: write tokens
	Labels   []annotate.Label // label order for hf's labels.json and brat's annotation.conf
	Split    []SplitPart      // write one file per part into the out folder
	Seed     int64            // for Split
	Progress func(docs int)   // called after each document with the number written
	// ReplaceLabels lets an hf export replace a labels.json beside its output that
	// it did not write itself.
	ReplaceLabels bool
}

// ExportSummary says what an export wrote.
type ExportSummary struct {
	Documents int
	Spans     int                     // spans in the exported documents
	ByStatus  map[annotate.Status]int // documents written, by status (a missing status counts as new)
	Changed   map[string]int          // per label: spans widened to whole tokens (hf, conll)
	Dropped   map[string]int          // per label: spans left out because they overlapped (hf, conll)
	Files     []string                // what was written, final paths ("-" for stdout)
}

// Export writes docs to out in opts.Format, streaming: one document in memory at a
// time. Nothing appears under the target name until the export is complete: a file
// is written to a temporary file beside the target and renamed; a folder (brat, or
// any split export) is written to a temporary folder beside it and renamed, an
// existing folder of that name being replaced only then. out "-" writes a
// single-file format to stdout (hf then writes no labels.json).
func Export(ctx context.Context, docs iter.Seq2[annotate.AnnotatedDocument, error], out string, stdout io.Writer, opts ExportOptions) (ExportSummary, error) {
	summary := ExportSummary{Changed: map[string]int{}, Dropped: map[string]int{}, ByStatus: map[annotate.Status]int{}}
	if opts.Unit == "" {
		opts.Unit = annotate.UnitCodepoint
	}
	if _, err := annotate.ParseUnit(string(opts.Unit)); err != nil {
		return summary, err
	}
	exportable := false
	for _, f := range ExportFormats() {
		exportable = exportable || f == opts.Format
	}
	if !exportable {
		return summary, annotate.Errorf(annotate.EINVALID, "cannot export to format %q (want spacy, doccano, hf, conll, brat, label-studio or csv)", opts.Format)
	}
	if out == "" {
		return summary, annotate.Errorf(annotate.EINVALID, "no output path given")
	}
	if out == "-" {
		if opts.Format.IsFolder() || len(opts.Split) > 0 {
			return summary, annotate.Errorf(annotate.EINVALID, "%s cannot go to stdout: it writes a folder; give a folder path", describeTarget(opts))
		}
		enc, err := encodeStream(ctx, docs, stdout, opts, &summary)
		if enc == nil {
			return summary, err
		}
		addChanges(&summary, enc)
		summary.Files = []string{"-"}
		return summary, err
	}
	// A missing parent folder is created: "--out data/train.jsonl" should just work.
	if err := os.MkdirAll(filepath.Dir(filepath.Clean(out)), 0o755); err != nil {
		return summary, fmt.Errorf("export to %s: %w", out, err)
	}
	if len(opts.Split) > 0 || opts.Format.IsFolder() {
		return exportFolder(ctx, docs, out, opts, summary)
	}
	return exportFile(ctx, docs, out, opts, summary)
}

func describeTarget(opts ExportOptions) string {
	if len(opts.Split) > 0 {
		return "a split export"
	}
	return string(opts.Format)
}

func encodeOptions(opts ExportOptions) EncodeOptions {
	return EncodeOptions{Unit: opts.Unit, Tokens: opts.Tokens, Labels: opts.Labels}
}

// writeAll streams docs into the encoders (one per split part, or one).
//
// The store's query runs a few batches of documents ahead in a goroutine of its
// own (see pipelined).
func writeAll(ctx context.Context, docs iter.Seq2[annotate.AnnotatedDocument, error], encs []Encoder, opts ExportOptions, summary *ExportSummary) error {
	for doc, err := range pipelined(docs, 4, documentWeight) {
		if err != nil {
			return fmt.Errorf("read documents to export: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		part := 0
		if len(encs) > 1 {
			part = splitIndex(opts.Split, opts.Seed, doc.Document)
		}
		if err := encs[part].Encode(doc); err != nil {
			return fmt.Errorf("export document %d %q: %w", doc.Document.ID, doc.Document.Title, err)
		}
		summary.Documents++
		summary.Spans += len(doc.Spans)
		status := doc.Document.Status
		if !status.Valid() {
			status = annotate.StatusNew
		}
		summary.ByStatus[status]++
		if opts.Progress != nil {
			opts.Progress(summary.Documents)
		}
	}
	return ctx.Err()
}

// encodeStream writes docs to w in one encoder and closes it, returning the
// encoder (for its changes) and the first error; the encoder is nil only when it
// could not be made.
func encodeStream(ctx context.Context, docs iter.Seq2[annotate.AnnotatedDocument, error], w io.Writer, opts ExportOptions, summary *ExportSummary) (Encoder, error) {
	enc, err := NewEncoder(opts.Format, w, encodeOptions(opts))
	if err != nil {
		return nil, err
	}
	err = writeAll(ctx, docs, []Encoder{enc}, opts, summary)
	if closeErr := enc.Close(); err == nil {
		err = closeErr
	}
	return enc, err
}

func documentWeight(doc annotate.AnnotatedDocument) int { return len(doc.Document.Text) }

func addChanges(summary *ExportSummary, enc Encoder) {
	bio, ok := enc.(BIOEncoder)
	if !ok {
		return
	}
	ch := bio.Changes()
	for label, n := range ch.Changed {
		summary.Changed[label] += n
	}
	for label, n := range ch.Dropped {
		summary.Dropped[label] += n
	}
}

// exportFile writes one file through a temporary file beside it, or straight
// into a character device or named pipe (see resolveFileTarget).
func exportFile(ctx context.Context, docs iter.Seq2[annotate.AnnotatedDocument, error], out string, opts ExportOptions, summary ExportSummary) (ExportSummary, error) {
	target, err := resolveFileTarget(out, opts.Format)
	if err != nil {
		return summary, err
	}
	if target.direct {
		return exportDirect(ctx, docs, out, target.path, opts, summary)
	}
	labelsPath := filepath.Join(filepath.Dir(out), "labels.json")
	if opts.Format == FormatHF {
		if err := checkLabelsTarget(labelsPath, opts.ReplaceLabels); err != nil {
			return summary, err
		}
	}
	dir := filepath.Dir(target.path)
	removeStaleTemps(dir)
	tmp, release, err := atomicfile.CreateTemp(target.path)
	if err != nil {
		return summary, fmt.Errorf("export to %s: %w", annotate.QuotePath(out), err)
	}
	tmpName := tmp.Name()
	committed := false
	defer func() {
		release() // first: Windows does not remove a file that is held
		if !committed {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	enc, err := encodeStream(ctx, docs, tmp, opts, &summary)
	if err != nil {
		return summary, err
	}
	addChanges(&summary, enc)
	if err := atomicfile.Finish(tmp); err != nil {
		return summary, fmt.Errorf("export to %s: %w", annotate.QuotePath(out), err)
	}
	if hf, ok := enc.(*HFEncoder); ok {
		if err := atomicfile.Write(labelsPath, func(w io.Writer) error { _, err := w.Write(hf.LabelsJSON()); return err }); err != nil {
			return summary, err
		}
		summary.Files = append(summary.Files, labelsPath)
	}
	atomicfile.ReadyToRename(release)
	if err := os.Rename(tmpName, target.path); err != nil {
		return summary, fmt.Errorf("export to %s: %w", annotate.QuotePath(out), err)
	}
	committed = true
	summary.Files = append([]string{out}, summary.Files...)
	return summary, nil
}

// exportDirect writes into a character device or a named pipe as it is: there is
// no file to replace, so no temporary file and no rename (hf writes no
// labels.json there, as on stdout).
func exportDirect(ctx context.Context, docs iter.Seq2[annotate.AnnotatedDocument, error], out, path string, opts ExportOptions, summary ExportSummary) (ExportSummary, error) {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return summary, fmt.Errorf("export to %s: %w", annotate.QuotePath(out), err)
	}
	defer f.Close()
	enc, err := encodeStream(ctx, docs, f, opts, &summary)
	if enc == nil {
		return summary, err
	}
	addChanges(&summary, enc)
	if closeErr := f.Close(); err == nil && closeErr != nil {
		err = fmt.Errorf("export to %s: %w", annotate.QuotePath(out), closeErr)
	}
	summary.Files = []string{out}
	return summary, err
}

// checkLabelsTarget refuses, before any work, to replace a labels.json that an hf
// export did not write, unless the user said so (--replace-labels, or yes in the
// app's dialog): a folder of data may well hold a labels.json of its own.
func checkLabelsTarget(path string, replace bool) error {
	if replace {
		return nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err == nil && isHFLabelsJSON(data) {
		return nil
	}
	return annotate.Errorf(annotate.ECONFLICT,
		"%s already exists and is not a tag list written by an hf export; an hf export writes its labels.json there: move that file, choose another folder, or pass --replace-labels",
		annotate.QuotePath(path))
}

// ForeignLabelsJSON reports whether an hf export to out would meet a labels.json
// beside it that no hf export wrote (and so would refuse without ReplaceLabels).
func ForeignLabelsJSON(out string) bool {
	return checkLabelsTarget(filepath.Join(filepath.Dir(out), "labels.json"), false) != nil
}

// isHFLabelsJSON recognises what HFEncoder.LabelsJSON writes: a JSON array of
// tags, "O" first, then B- and I- tags in pairs.
func isHFLabelsJSON(data []byte) bool {
	var tags []string
	if json.Unmarshal(data, &tags) != nil || len(tags) == 0 || tags[0] != "O" || len(tags)%2 != 1 {
		return false
	}
	for i := 1; i < len(tags); i += 2 {
		label, ok := strings.CutPrefix(tags[i], "B-")
		if !ok || tags[i+1] != "I-"+label {
			return false
		}
	}
	return true
}

// exportFolder writes a folder (brat, or a split export) through a temporary
// folder beside out.
func exportFolder(ctx context.Context, docs iter.Seq2[annotate.AnnotatedDocument, error], out string, opts ExportOptions, summary ExportSummary) (ExportSummary, error) {
	// A link to a folder stays a link: the folder it leads to is replaced.
	named := out
	resolved, err := followLinks(out)
	if err != nil {
		return summary, err
	}
	out = resolved
	if info, err := os.Stat(out); err == nil && !info.IsDir() {
		return summary, annotate.Errorf(annotate.EINVALID, "%s is a file; %s writes a folder", out, describeTarget(opts))
	}
	out = filepath.Clean(out)
	if err := checkFolderTarget(out); err != nil {
		return summary, err
	}
	removeStaleTemps(filepath.Dir(out))
	tmpDir, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp-*")
	if err != nil {
		return summary, fmt.Errorf("export to %s: %w", out, err)
	}
	committed := false
	defer func() {
		if !committed {
			os.RemoveAll(tmpDir)
		}
	}()
	if err := os.Chmod(tmpDir, 0o755); err != nil {
		return summary, fmt.Errorf("export to %s: %w", out, err)
	}
	if err := os.WriteFile(filepath.Join(tmpDir, exportMarker), []byte("Written by Newsmark; a new export to this folder replaces it.\n"), 0o644); err != nil {
		return summary, fmt.Errorf("export to %s: %w", out, err)
	}
	// The held marker tells a concurrent export that this folder is alive.
	releaseMarker := atomicfile.Hold(filepath.Join(tmpDir, exportMarker))
	defer releaseMarker()
	parts := opts.Split
	if len(parts) == 0 {
		parts = []SplitPart{{Name: "", Fraction: 1}}
	}
	encs := make([]Encoder, len(parts))
	var files []*os.File
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	var relNames []string
	for i, part := range parts {
		if opts.Format.IsFolder() {
			dir := filepath.Join(tmpDir, part.Name)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return summary, fmt.Errorf("export to %s: %w", out, err)
			}
			encs[i] = NewBratEncoder(dir, encodeOptions(opts))
			relNames = append(relNames, part.Name)
			continue
		}
		name := part.Name + opts.Format.Ext()
		f, err := os.OpenFile(filepath.Join(tmpDir, name), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err != nil {
			return summary, fmt.Errorf("export to %s: %w", out, err)
		}
		files = append(files, f)
		if encs[i], err = NewEncoder(opts.Format, f, encodeOptions(opts)); err != nil {
			return summary, err
		}
		relNames = append(relNames, name)
	}
	err = writeAll(ctx, docs, encs, opts, &summary)
	for _, enc := range encs {
		if closeErr := enc.Close(); err == nil {
			err = closeErr
		}
		addChanges(&summary, enc)
	}
	if err != nil {
		return summary, err
	}
	// Closed here, not only on return: Windows does not rename a folder with a
	// file open in it.
	for _, f := range files {
		if err := atomicfile.Finish(f); err != nil {
			return summary, fmt.Errorf("export to %s: %w", out, err)
		}
	}
	files = nil
	if opts.Format == FormatHF {
		tags := newTagSet(opts.Labels)
		for _, enc := range encs {
			for _, l := range enc.(*HFEncoder).tags.order {
				tags.add(l)
			}
		}
		data := (&HFEncoder{tags: tags}).LabelsJSON()
		if err := os.WriteFile(filepath.Join(tmpDir, "labels.json"), data, 0o644); err != nil {
			return summary, fmt.Errorf("export to %s: %w", out, err)
		}
		relNames = append(relNames, "labels.json")
	}
	atomicfile.ReadyToRename(releaseMarker)
	if err := replaceFolder(tmpDir, out); err != nil {
		return summary, err
	}
	committed = true
	for _, name := range relNames {
		summary.Files = append(summary.Files, filepath.Join(named, name))
	}
	sort.Strings(summary.Files)
	return summary, nil
}

// exportMarker is a hidden file in every folder an export writes: it lets a later
// export replace that folder, while a folder of the user's own is never replaced.
const exportMarker = ".newsmark-export"

// checkFolderTarget refuses to export over a folder that is neither empty nor an
// earlier Newsmark export, before any work is done.
func checkFolderTarget(out string) error {
	entries, err := os.ReadDir(out)
	if err != nil || len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, exportMarker)); err == nil {
		return nil
	}
	return annotate.Errorf(annotate.ECONFLICT, "%s already exists and holds files not written by a Newsmark export; choose a new or empty folder", out)
}

// replaceFolder moves the finished folder to out, replacing an empty folder or an
// earlier export already there only once the new one is complete.
func replaceFolder(tmpDir, out string) error {
	if err := checkFolderTarget(out); err != nil {
		return err
	}
	if err := os.Remove(out); err == nil || errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(tmpDir, out); err != nil {
			return fmt.Errorf("export to %s: %w", out, err)
		}
		return nil
	}
	old, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".old-*")
	if err != nil {
		return fmt.Errorf("export to %s: %w", out, err)
	}
	os.Remove(old) // only its unique name is wanted
	if err := os.Rename(out, old); err != nil {
		return fmt.Errorf("export to %s: move the old folder aside: %w", out, err)
	}
	if err := os.Rename(tmpDir, out); err != nil {
		// Put the old folder back so the user keeps what they had.
		if restoreErr := os.Rename(old, out); restoreErr != nil {
			return errors.Join(fmt.Errorf("export to %s: %w", out, err), fmt.Errorf("the previous folder is at %s", old))
		}
		return fmt.Errorf("export to %s: %w", out, err)
	}
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("export to %s done, but the previous folder %s could not be removed: %w", out, old, err)
	}
	return nil
}
