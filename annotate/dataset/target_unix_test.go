//go:build unix

package dataset

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsmark/newsmark/annotate/atomicfile"
)

func exportToTarget(t *testing.T, out string, opts ExportOptions) (ExportSummary, error) {
	t.Helper()
	if opts.Format == "" {
		opts.Format = FormatSpacy
	}
	return Export(context.Background(), docsSeq(manyDocs(3)), out, nil, opts)
}

func TestExportThroughASymlinkReplacesItsTargetAndKeepsTheLink(t *testing.T) {
	dir := t.TempDir()
	realDir := filepath.Join(dir, "real")
	os.Mkdir(realDir, 0o755)
	target := writeFile(t, filepath.Join(realDir, "data.jsonl"), "old\n")
	link := filepath.Join(dir, "link.jsonl")
	if err := os.Symlink(filepath.Join("real", "data.jsonl"), link); err != nil {
		t.Fatal(err)
	}
	if _, err := exportToTarget(t, link, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	info, err := os.Lstat(link)
	if err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", info.Mode(), err)
	}
	data, _ := os.ReadFile(target)
	if !strings.Contains(string(data), "Article 2") {
		t.Errorf("the link's target was not written: %q", data)
	}
}

func TestExportToADanglingSymlinkCreatesItsTarget(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link.jsonl")
	os.Symlink("made.jsonl", link)
	if _, err := exportToTarget(t, link, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced")
	}
	if _, err := os.Stat(filepath.Join(dir, "made.jsonl")); err != nil {
		t.Fatal(err)
	}
}

func TestExportIntoANamedPipeWritesStraightIn(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.jsonl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		data, _ := io.ReadAll(f)
		f.Close()
		got <- string(data)
	}()
	if _, err := exportToTarget(t, fifo, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	select {
	case data := <-got:
		if strings.Count(data, "\n") != 3 {
			t.Errorf("reader got %q", data)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the reader got nothing")
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the named pipe was replaced by %v", info.Mode())
	}
}

func TestExportIntoACharacterDeviceKeepsTheDevice(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("making a device node needs root")
	}
	// A node like /dev/null (major 1, minor 3), made in a temp folder so that a
	// regression could only replace this copy.
	node := filepath.Join(t.TempDir(), "null")
	if err := syscall.Mknod(node, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Skipf("mknod: %v", err)
	}
	if _, err := exportToTarget(t, node, ExportOptions{Format: FormatHF}); err != nil {
		t.Fatal(err)
	}
	info, err := os.Lstat(node)
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("the device was replaced by %v", info.Mode())
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(node), "labels.json")); err == nil {
		t.Error("hf wrote labels.json beside a device")
	}
}

func TestExportRefusesASocket(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "s.jsonl")
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Skip(err)
	}
	defer syscall.Close(fd)
	if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: sock}); err != nil {
		t.Skip(err)
	}
	_, err = exportToTarget(t, sock, ExportOptions{})
	if err == nil || !strings.Contains(err.Error(), "socket, not a regular file") {
		t.Fatalf("error %v", err)
	}
	if info, _ := os.Lstat(sock); info.Mode()&os.ModeSocket == 0 {
		t.Fatal("the socket was replaced")
	}
}

func TestExportRemovesTempFilesOfKilledExportsButNotOfRunningOnes(t *testing.T) {
	dir := t.TempDir()
	stale := writeFile(t, filepath.Join(dir, ".other.jsonl.tmp-123456"), strings.Repeat("x", 1000))
	staleDir := filepath.Join(dir, ".brat.tmp-99")
	writeFile(t, filepath.Join(staleDir, exportMarker), "x")
	running := writeFile(t, filepath.Join(dir, ".out.jsonl.tmp-777"), "being written")
	release := atomicfile.Hold(running)
	defer release()
	mine := writeFile(t, filepath.Join(dir, "notes.tmp-1"), "the user's") // no leading dot
	if _, err := exportToTarget(t, filepath.Join(dir, "out.jsonl"), ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{stale, staleDir} {
		if _, err := os.Stat(gone); err == nil {
			t.Errorf("%s is still there", filepath.Base(gone))
		}
	}
	for _, kept := range []string{running, mine} {
		if _, err := os.Stat(kept); err != nil {
			t.Errorf("%s was removed", filepath.Base(kept))
		}
	}
}

func TestHFExportDoesNotClobberAnUnrelatedLabelsJSON(t *testing.T) {
	dir := t.TempDir()
	theirs := writeFile(t, filepath.Join(dir, "labels.json"), `{"id2label": {"0": "PER"}}`)
	out := filepath.Join(dir, "train.jsonl")
	_, err := exportToTarget(t, out, ExportOptions{Format: FormatHF})
	if err == nil || !strings.Contains(err.Error(), "--replace-labels") {
		t.Fatalf("error %v", err)
	}
	if data, _ := os.ReadFile(theirs); string(data) != `{"id2label": {"0": "PER"}}` {
		t.Fatalf("labels.json changed: %s", data)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the export was written although it was refused")
	}
	if _, err := exportToTarget(t, out, ExportOptions{Format: FormatHF, ReplaceLabels: true}); err != nil {
		t.Fatal(err)
	}
	// Its own labels.json is replaced without asking.
	if _, err := exportToTarget(t, out, ExportOptions{Format: FormatHF}); err != nil {
		t.Fatalf("second export: %v", err)
	}
}
