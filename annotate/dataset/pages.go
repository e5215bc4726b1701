package dataset

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"

	"github.com/klauspost/compress/zstd"

	"github.com/newsmark/newsmark/annotate"
)

// Web pages are most of an HTML import's bytes (100 KB a page, of which the
// article is 5), so reading them and keeping them cost about as much as a third of
// extracting them. pagePacker reads each page into a buffer that is used again for
// later pages, and compresses the page (the document's Original) as soon as it is
// extracted, on the same worker: the 100 KB never reach the rest of the import.
// Reading into fresh memory for every page cost 0.1–0.2 s of CPU per 1,000 pages
// (page faults and zeroing); reading into a warm buffer 0.03 s.
type pagePacker struct {
	buffers sync.Pool // *pageBuffers
	once    sync.Once
	enc     *zstd.Encoder
	encErr  error
}

// pageBuffers are one worker's memory for a page: the file's bytes, the page
// without its scripts and styles (extractHTML), and its compressed form before it
// is copied out at its own size.
type pageBuffers struct {
	data, stripped, packed []byte
}

// maxPooledPage is the largest buffer kept for later pages; a larger page's buffer
// is left to the garbage collector.
const maxPooledPage = 4 << 20

// encoder returns the Zstandard encoder, made on first use.
func (p *pagePacker) encoder() (*zstd.Encoder, error) {
	p.once.Do(func() {
		p.enc, p.encErr = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest),
			zstd.WithEncoderConcurrency(maxExtractions()), zstd.WithLowerEncoderMem(true), zstd.WithEncoderCRC(true))
	})
	return p.enc, p.encErr
}

// close releases the encoder; the packer is not used afterwards.
func (p *pagePacker) close() {
	if p.enc != nil {
		p.enc.Close()
	}
}

// extract reads the page at path and extracts it (ExtractHTML), its Original
// compressed (annotate.OriginalZstd) unless that would not make it smaller.
func (p *pagePacker) extract(path string, info fs.FileInfo) (annotate.Document, error) {
	buf, _ := p.buffers.Get().(*pageBuffers)
	if buf == nil {
		buf = new(pageBuffers)
	}
	data, err := readSourceInto(path, info, buf.data)
	if cap(data) <= maxPooledPage {
		defer func() {
			buf.data = data[:0]
			if cap(buf.stripped) > maxPooledPage {
				buf.stripped = nil
			}
			if cap(buf.packed) > maxPooledPage {
				buf.packed = nil
			}
			p.buffers.Put(buf)
		}()
	}
	if err != nil {
		return annotate.Document{}, err
	}
	doc, err := extractHTML(data, path, &buf.stripped)
	if err != nil {
		return annotate.Document{}, err
	}
	// data goes back to the pool: nothing of the document may point into it.
	enc, err := p.encoder()
	if err != nil {
		return annotate.Document{}, fmt.Errorf("cannot set up compression: %w", err)
	}
	doc.Original = packOriginal(enc, doc.Original.MediaType, data, &buf.packed)
	return doc, nil
}

// packOriginal returns data as an Original that owns its bytes: compressed when
// that makes it smaller, else a copy. The compressed bytes are written into
// scratch's memory first (nil for none) and copied out at their own size: a page
// of 100 KB typically packs into 4 KB.
func packOriginal(enc *zstd.Encoder, mediaType string, data []byte, scratch *[]byte) *annotate.Original {
	var into []byte
	if scratch != nil {
		into = (*scratch)[:0]
	}
	packed := enc.EncodeAll(data, into)
	if scratch != nil {
		*scratch = packed[:0]
	}
	if len(packed) < len(data) {
		return &annotate.Original{MediaType: mediaType, Content: bytes.Clone(packed), Encoding: annotate.OriginalZstd}
	}
	return &annotate.Original{MediaType: mediaType, Content: bytes.Clone(data)}
}

// readSourceInto reads a whole source file (a web page, a Word file) into buf's
// memory (grown if the file needs more; nil for new memory) after checking its
// size. The file is read to its end even if it grew since info was taken, up to
// the limit.
func readSourceInto(path string, info fs.FileInfo, buf []byte) ([]byte, error) {
	if info.Size() > maxSourceFileBytes {
		return buf, sourceTooLarge(info.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return buf, fmt.Errorf("cannot read: %w", err)
	}
	defer f.Close()
	data := buf[:0]
	if need := int(info.Size()) + 512; cap(data) < need {
		data = make([]byte, 0, need)
	}
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, fmt.Errorf("cannot read: %w", err)
		}
		if len(data) > maxSourceFileBytes {
			return data, sourceTooLarge(int64(len(data)))
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}
