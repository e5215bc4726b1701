package dataset

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/newsmark/newsmark/annotate"
)

// DocxLimits cap what reading a .docx may unpack, against zip bombs: a few hundred
// kilobytes that inflate to gigabytes.
type DocxLimits struct {
	DocumentXML int64 // word/document.xml, uncompressed
	CoreXML     int64 // docProps/core.xml, uncompressed
}

// DefaultDocxLimits allow a document.xml of 256 MiB (markup around the 64 MiB a
// text may hold) and a core.xml of 1 MiB.
var defaultDocxLimits = DocxLimits{DocumentXML: 256 << 20, CoreXML: 1 << 20}

// ExtractDocx reads a Word .docx file. Without split it gives one document: the
// text of the body's paragraphs, one a line with a blank line between them, titled
// from the core properties' title (else the first line), with the core properties'
// creator as author and language as language. With split, a file holding several
// articles gives one document per article (see splitArticles). name is the file,
// for errors and as each document's source.
//
// Refused with a clear error: files that are not zip archives (an old .doc, an
// encrypted .docx — both OLE containers — or anything else), zip archives without
// word/document.xml, a document.xml or core.xml larger than limits allow once
// unpacked, malformed XML, and documents without text.
func ExtractDocx(data []byte, name string, split bool) ([]annotate.Document, error) {
	return extractDocx(data, name, split, defaultDocxLimits)
}

func extractDocx(data []byte, name string, split bool, limits DocxLimits) ([]annotate.Document, error) {
	if err := checkZipSignature(data); err != nil {
		return nil, err
	}
	archive, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "is not a Word .docx file: the zip archive is damaged (%v)", err)
	}
	body := findZipFile(archive, "word/document.xml")
	if body == nil {
		return nil, annotate.Errorf(annotate.EINVALID, "is a zip archive but not a Word .docx file (it holds no word/document.xml)")
	}
	bodyXML, err := unzipCapped(body, limits.DocumentXML)
	if err != nil {
		return nil, err
	}
	paragraphs, err := docxParagraphs(bodyXML)
	if err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "word/document.xml is not valid XML: %v", err)
	}
	var props coreProperties
	if core := findZipFile(archive, "docProps/core.xml"); core != nil {
		coreXML, err := unzipCapped(core, limits.CoreXML)
		if err != nil {
			return nil, err
		}
		// Damaged properties cost the title and author, not the text.
		_ = xml.Unmarshal(coreXML, &props)
	}
	if split {
		docs := splitArticles(paragraphs, name)
		if len(docs) == 0 {
			return nil, annotate.Errorf(annotate.EINVALID, "holds no text")
		}
		if props.Language != "" && (annotate.Metadata{Language: props.Language}).Validate() == nil {
			for i := range docs {
				if docs[i].Language == "" {
					docs[i].Language = strings.TrimSpace(props.Language)
				}
			}
		}
		return docs, nil
	}
	text := joinParagraphs(paragraphs)
	if text == "" {
		return nil, annotate.Errorf(annotate.EINVALID, "holds no text")
	}
	doc := annotate.Document{Title: annotate.OneLine(props.Title), Source: name, Text: text, Hash: annotate.ContentHash(text),
		Authors: annotate.ParseAuthors(annotate.OneLine(props.Creator))}
	if doc.Title == "" {
		doc.Title = annotate.TitleFromText(text)
	}
	if lang := strings.TrimSpace(props.Language); lang != "" && (annotate.Metadata{Language: lang}).Validate() == nil {
		doc.Language = lang
	}
	return []annotate.Document{doc}, nil
}

// coreProperties is what docProps/core.xml says of the document.
type coreProperties struct {
	Title    string `xml:"title"`
	Creator  string `xml:"creator"`
	Language string `xml:"language"`
}

// checkZipSignature tells the usual impostors apart before unzipping: an OLE
// compound file is either an encrypted .docx (Word wraps those in OLE) or an old
// .doc.
func checkZipSignature(data []byte) error {
	ole := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	switch {
	case len(data) == 0:
		return annotate.Errorf(annotate.EINVALID, "is empty")
	case bytes.HasPrefix(data, ole) && bytes.Contains(data, utf16Name("EncryptionInfo")):
		return annotate.Errorf(annotate.EINVALID, "is password-protected (encrypted); open it in Word, remove the password and save it again")
	case bytes.HasPrefix(data, ole):
		return annotate.Errorf(annotate.EINVALID, "is an old Word 97–2003 .doc (or another OLE file), not a .docx; save it as .docx first")
	case !bytes.HasPrefix(data, []byte("PK")):
		return annotate.Errorf(annotate.EINVALID, "is not a Word .docx file (not a zip archive)")
	}
	return nil
}

func utf16Name(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, s[i], 0)
	}
	return out
}

func findZipFile(archive *zip.Reader, name string) *zip.File {
	for _, f := range archive.File {
		if strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

// unzipCapped inflates one member, refusing it if its header or its actual size
// exceeds limit.
func unzipCapped(f *zip.File, limit int64) ([]byte, error) {
	tooBig := func() error {
		return annotate.Errorf(annotate.EINVALID, "%s unpacks to more than %d MiB: refused as a possible zip bomb", f.Name, limit>>20)
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, tooBig()
	}
	rc, err := f.Open()
	if err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "cannot unpack %s: %v", f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "cannot unpack %s: %v", f.Name, err)
	}
	if int64(len(data)) > limit {
		return nil, tooBig()
	}
	return data, nil
}

// docxParagraph is one paragraph of the body.
type docxParagraph struct {
	text      string
	pageBreak bool // a manual page break stands before it
}

// docxParagraphs reads the body's paragraphs in order. Runs' text (w:t), tabs and
// line breaks count; deleted text (w:delText), field codes (w:instrText) and
// footnotes do not. A manual page break (w:br w:type="page" or w:pageBreakBefore)
// ends a paragraph and marks the next.
func docxParagraphs(data []byte) ([]docxParagraph, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var out []docxParagraph
	var cur strings.Builder
	depth, inText, breakNext := 0, false, false // depth: text boxes nest paragraphs in paragraphs
	flush := func() {
		text := strings.TrimRight(cur.String(), " \t")
		cur.Reset()
		if strings.TrimSpace(text) == "" {
			return // an empty paragraph, often just holding a page break for the next
		}
		out = append(out, docxParagraph{text: text, pageBreak: breakNext})
		breakNext = false
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				depth++
			case "t":
				inText = depth > 0
			case "tab":
				if depth > 0 {
					cur.WriteByte('\t')
				}
			case "cr":
				cur.WriteByte('\n')
			case "br":
				if wordAttr(t, "type") == "page" {
					if strings.TrimSpace(cur.String()) != "" {
						flush()
					}
					breakNext = true
				} else {
					cur.WriteByte('\n')
				}
			case "pageBreakBefore":
				if v := wordAttr(t, "val"); v != "0" && v != "false" {
					breakNext = true
				}
			case "noBreakHyphen":
				cur.WriteRune('\u2011')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if depth--; depth == 0 {
					flush()
				}
			}
		case xml.CharData:
			if inText {
				cur.Write(t)
			}
		}
	}
	return out, nil
}

func wordAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// joinParagraphs joins the non-blank paragraphs with a blank line between them.
func joinParagraphs(paragraphs []docxParagraph) string {
	var lines []string
	for _, p := range paragraphs {
		if strings.TrimSpace(p.text) != "" {
			lines = append(lines, p.text)
		}
	}
	return strings.Join(lines, "\n\n")
}

// endOfDocument is the line news databases (Nexis Uni) put after each article.
var endOfDocument = regexp.MustCompile(`(?i)^\s*end of document\s*$`)

// maxTitleRunes is how long the first line after a page break may be to count as
// an article's title.
const maxTitleRunes = 200

// splitArticles cuts a file holding several articles into one document each.
//
//   - If any paragraph reads "End of Document" (what Nexis Uni writes after each
//     article), articles end at those lines, which are dropped.
//   - Otherwise a manual page break followed by a title (a non-blank line of at
//     most 200 characters) starts a new article.
//   - Each article is titled by its first line. In a news-database layout (a
//     line "Body" after a header block), the header gives the outlet (its second
//     line), the date (the first line that is a date), the authors ("Byline:")
//     and is left out of the text, as is everything from "Classification" or
//     "Load-Date:" on; the title is the header's first line.
//   - Parts without text (a cover page, the space after the last divider) are
//     skipped.
func splitArticles(paragraphs []docxParagraph, name string) []annotate.Document {
	var parts [][]docxParagraph
	hasEnd := false
	for _, p := range paragraphs {
		if endOfDocument.MatchString(p.text) {
			hasEnd = true
			break
		}
	}
	var cur []docxParagraph
	for _, p := range paragraphs {
		switch {
		case hasEnd && endOfDocument.MatchString(p.text):
			parts = append(parts, cur)
			cur = nil
			continue
		case !hasEnd && p.pageBreak && looksLikeTitle(p.text) && len(cur) > 0:
			parts = append(parts, cur)
			cur = nil
		}
		cur = append(cur, p)
	}
	parts = append(parts, cur)
	var docs []annotate.Document
	for _, part := range parts {
		doc := articleFromParagraphs(part)
		if doc.Text == "" {
			continue
		}
		doc.Source = name
		doc.Hash = annotate.ContentHash(doc.Text)
		doc.Meta = map[string]any{"article": len(docs) + 1}
		docs = append(docs, doc)
	}
	return docs
}

func looksLikeTitle(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && utf8.RuneCountInString(s) <= maxTitleRunes && !strings.Contains(s, "\n")
}

// articleFromParagraphs builds one article, reading a news-database header if the
// part has one.
func articleFromParagraphs(part []docxParagraph) annotate.Document {
	var doc annotate.Document
	lines := make([]string, 0, len(part))
	body, headerStart := -1, 0 // a cover page before the first header ends at a page break
	for _, p := range part {
		if body < 0 && p.pageBreak {
			headerStart = len(lines)
		}
		if body < 0 && strings.TrimSpace(p.text) == "Body" && len(lines) > headerStart {
			body = len(lines)
		}
		lines = append(lines, p.text)
	}
	if body > 0 {
		readDatabaseHeader(&doc, lines[headerStart:body])
		lines = lines[body+1:]
		for i, line := range lines {
			trimmed := strings.TrimSpace(line)
			if trimmed == "Classification" || strings.HasPrefix(trimmed, "Load-Date:") {
				lines = lines[:i]
				break
			}
		}
	}
	doc.Text = strings.Join(lines, "\n\n")
	if doc.Title == "" {
		doc.Title = annotate.TitleFromText(doc.Text)
	}
	return doc
}

// readDatabaseHeader reads the lines above "Body": title, outlet, date, byline.
func readDatabaseHeader(doc *annotate.Document, header []string) {
	doc.Title = annotate.OneLine(header[0])
	if len(header) > 1 {
		if _, err := annotate.ParseDate(header[1]); err != nil && !strings.Contains(header[1], ":") {
			doc.Outlet = annotate.OneLine(header[1])
		}
	}
	for _, line := range header[1:] {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, "Byline:"); ok {
			doc.Authors = annotate.ParseAuthors(rest)
			continue
		}
		if doc.Published == "" {
			if date, err := annotate.ParseDate(line); err == nil {
				doc.Published = date
			}
		}
	}
	if err := (annotate.Metadata{Outlet: doc.Outlet, Authors: doc.Authors}).Validate(); err != nil {
		doc.Outlet, doc.Authors = "", nil
	}
}
