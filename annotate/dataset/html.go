package dataset

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/newsmark/newsmark/annotate"
)

// ExtractHTML turns a saved web page into a document: the article's main text
// (Mozilla's Readability, as ported by codeberg.org/readeck/go-readability), its
// title, byline, outlet (site name), publication date, language and canonical URL.
// The page's bytes are kept as the document's Original, so the extraction can be
// redone. name is the file, for errors.
//
// Choices:
//   - Encoding: a byte-order mark wins; then a charset declared in a <meta> tag
//     anywhere in the first 64 KB (browsers look only at the first 1 KB, but
//     saved pages often carry long heads); without either, UTF-8 if the bytes are
//     valid UTF-8, else windows-1252, as browsers do. A declaration the bytes
//     contradict is an error, never a guess: UTF-8 declared but bytes that are not
//     UTF-8, or a single-byte charset declared for bytes that are UTF-8 text
//     (which would turn “ into â€œ).
//   - Text: one paragraph a line, paragraphs separated by one blank line; runs of
//     spaces inside a line become one space; leading and trailing white space of
//     each line is dropped. Non-breaking spaces are kept.
//   - A page in which Readability finds no article (a front page, a list of
//     links, an empty page) is an error naming the file.
//   - Date: the page's article:published_time, JSON-LD datePublished or similar,
//     as annotate.ParseDate writes it; a time of exactly midnight UTC is kept as
//     the day alone (sites write dates that way when they know only the day).
//   - URL: <link rel=canonical>, else og:url, else none; a relative one is
//     resolved against the other, and dropped if it stays relative.
//   - Language: pageLanguage (the JSON-LD article's inLanguage, <html lang>, the
//     JSON-LD WebPage's inLanguage); a value that is not a language tag is none.
//   - The page's bytes are not copied: data itself becomes doc.Original.Content,
//     so the caller must not change them afterwards (Read's workers compress the
//     original before reusing the buffer, see pagePacker).
func ExtractHTML(data []byte, name string) (annotate.Document, error) {
	return extractHTML(data, name, nil)
}

// extractHTML is ExtractHTML with a scratch buffer for the page without its
// scripts and styles (nil for none), which the tree does not point into once
// parsed and which Readability parses again only before extractHTML returns
// (articleParser): pagePacker keeps one per buffer and uses it again for later
// pages.
func extractHTML(data []byte, name string, scratch *[]byte) (annotate.Document, error) {
	page, err := decodeHTML(data)
	if err != nil {
		return annotate.Document{}, err
	}
	var into []byte
	if scratch != nil {
		into = *scratch
	}
	stripped, dropped := dropScriptsInto(into, page)
	root, err := html.Parse(bytes.NewReader(stripped))
	if scratch != nil && dropped {
		*scratch = stripped[:0]
	}
	if err != nil {
		return annotate.Document{}, annotate.Errorf(annotate.EINVALID, "is not HTML this program can read: %v", err)
	}
	head := pageHeadInfo(root)
	var pageURL *url.URL
	if head.url != "" {
		pageURL, _ = url.Parse(head.url)
	}
	parser := articleParser(stripped)
	// The tree is not needed afterwards but for CheckDocument, which looks at
	// paragraphs Readability keeps: no copy of the page is made.
	article, err := parser.ParseAndMutate(root, pageURL)
	if err != nil {
		return annotate.Document{}, annotate.Errorf(annotate.EINVALID, "no article could be extracted: %v", err)
	}
	text := ""
	if article.Node != nil {
		text = tidyExtractedText(render.InnerText(article.Node))
	}
	if text == "" || linkDensity(article.Node) > maxLinkDensity ||
		utf8.RuneCountInString(text) < minArticleRunes && !readability.CheckDocument(article.Node) {
		return annotate.Document{}, annotate.Errorf(annotate.EINVALID,
			"no article found in this page (a front page, a list of links or an empty page?); save the article's own page")
	}
	doc := annotate.Document{
		Title:    annotate.OneLine(article.Title()),
		Source:   name,
		Text:     text,
		Hash:     annotate.ContentHash(text),
		Outlet:   annotate.OneLine(article.SiteName()),
		Authors:  annotate.ParseAuthors(article.Byline()),
		URL:      head.url,
		Original: &annotate.Original{MediaType: "text/html", Content: data},
	}
	if doc.Title == "" {
		doc.Title = annotate.TitleFromText(text)
	}
	if t, err := article.PublishedTime(); err == nil {
		doc.Published = formatPublished(t)
	} else if head.date != "" {
		doc.Published, _ = annotate.ParseDate(head.date)
	}
	doc.Title = stripOutletSuffix(doc.Title, doc.Outlet)
	doc.Language = pageLanguage(article.Language(), head)
	for i, a := range doc.Authors {
		doc.Authors[i] = truncateRunes(a, annotate.MaxMetadataField)
	}
	doc.Title = truncateRunes(doc.Title, annotate.MaxMetadataField)
	doc.Outlet = truncateRunes(doc.Outlet, annotate.MaxMetadataField)
	return doc, nil
}

// articleParser returns the Readability parser for a page, given the bytes its
// tree was parsed from: Readability's first attempt to find the article then
// works on that tree itself, and a later attempt (most pages need none) on a new
// parse of them, instead of a copy of the whole tree for every attempt (Reparse,
// one of Newsmark's changes to its copy of go-readability; see
// third_party/go-readability/NEWSMARK.md).
func articleParser(page []byte) readability.Parser {
	parser := readability.NewParser()
	parser.Logger = slog.New(slog.DiscardHandler)
	parser.Reparse = func() (*html.Node, error) { return html.Parse(bytes.NewReader(page)) }
	return parser
}

// pageLanguage picks a page's language: the inLanguage of its JSON-LD article
// (the most specific statement: sites often keep one <html lang> for pages in
// several languages), else <html lang> (as Readability read it, else as
// pageHeadInfo did), else the inLanguage of another JSON-LD object (the WebPage).
func pageLanguage(readabilityLang string, head headInfo) string {
	var article, other string
	if len(head.jsonLD) > 0 {
		article, other = jsonLDLanguages(head.jsonLD)
	}
	for _, lang := range []string{article, readabilityLang, head.lang, other} {
		if lang = strings.TrimSpace(lang); lang != "" && (annotate.Metadata{Language: lang}).Validate() == nil {
			return lang
		}
	}
	return ""
}

// maxLinkDensity is the share of the extracted text inside links above which the
// "article" is a list of links (a front page, a section index), not an article.
const maxLinkDensity = 0.5

// linkDensity is the share of n's text that sits inside <a> elements.
func linkDensity(n *html.Node) float64 {
	var all, linked int
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		if n.Type == html.TextNode {
			k := len(strings.TrimSpace(n.Data))
			all += k
			if inLink {
				linked += k
			}
		}
		inLink = inLink || n.Type == html.ElementNode && n.DataAtom == atom.A
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	if all == 0 {
		return 0
	}
	return float64(linked) / float64(all)
}

// titleSeparators stand between a headline and the site's name in <title>.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " · ", " :: ", " » "}

// stripOutletSuffix removes " | Outlet" (or " - Outlet", …) from the end of a
// title, or "Outlet | " from its start, when the outlet is known.
func stripOutletSuffix(title, outlet string) string {
	if outlet == "" {
		return title
	}
	for _, sep := range titleSeparators {
		if rest, ok := strings.CutSuffix(title, sep+outlet); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest)
		}
		if rest, ok := strings.CutPrefix(title, outlet+sep); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest)
		}
	}
	return title
}

// minArticleRunes is the length below which an extraction from a page Readability
// does not judge readable counts as "no article".
const minArticleRunes = 200

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

func formatPublished(t time.Time) string {
	_, offset := t.Zone()
	if offset == 0 && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// tidyExtractedText lays the text out one paragraph a line with a blank line
// between paragraphs: each line is trimmed of white space (Unicode's, so a
// non-breaking space at either end goes too), runs of ASCII white space inside it
// become one space (non-breaking spaces inside are characters of the text and
// stay), and empty lines are dropped. One pass over the bytes, one allocation: the
// spaces it looks for are ASCII, so no byte of a multi-byte character is taken
// for one.
func tidyExtractedText(s string) string {
	out := make([]byte, 0, len(s))
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		line = strings.TrimSpace(line) // also the \r of a \r\n
		if line == "" {
			continue
		}
		if len(out) > 0 {
			out = append(out, '\n', '\n')
		}
		space := false
		for i := 0; i < len(line); i++ {
			switch c := line[i]; c {
			case ' ', '\t', '\r', '\f', '\v':
				space = true
			default:
				if space {
					out = append(out, ' ')
					space = false
				}
				out = append(out, c)
			}
		}
	}
	if !utf8.Valid(out) {
		return strings.ToValidUTF8(string(out), "\uFFFD")
	}
	return string(out)
}

// headInfo is what Newsmark reads from a page itself, besides Readability.
type headInfo struct {
	url  string // canonical, absolute
	lang string // <html lang>
	date string // a date Readability does not look for: <meta name=date>, itemprop=datePublished
	// jsonLD are the texts of the page's <script type="application/ld+json">, for
	// what Readability does not read of them (jsonLDLanguages).
	jsonLD []string
}

// dateMetaNames are <meta name=…> carrying the publication date on sites that use
// neither Open Graph nor JSON-LD.
var dateMetaNames = []string{"date", "pubdate", "publishdate", "publish-date", "publication_date", "dc.date",
	"dc.date.issued", "dcterms.date", "dcterms.issued", "sailthru.date", "article.published", "og:published_time"}

func pageHeadInfo(root *html.Node) headInfo {
	var info headInfo
	var canonical, ogURL string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if text, ok := jsonLDText(n); ok {
			info.jsonLD = append(info.jsonLD, text)
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				info.lang = attr(n, "lang")
			case atom.Link:
				if canonical == "" && strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical") {
					canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Meta:
				if ogURL == "" && strings.EqualFold(attr(n, "property"), "og:url") {
					ogURL = strings.TrimSpace(attr(n, "content"))
				}
				if info.date == "" && slices.Contains(dateMetaNames, strings.ToLower(attr(n, "name"))) {
					info.date = strings.TrimSpace(attr(n, "content"))
				}
			}
			if info.date == "" && strings.EqualFold(attr(n, "itemprop"), "datePublished") {
				info.date = strings.TrimSpace(attr(n, "content"))
				if info.date == "" {
					info.date = strings.TrimSpace(attr(n, "datetime"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	info.url = absoluteURL(canonical, ogURL)
	return info
}

func absoluteURL(candidates ...string) string {
	var base *url.URL
	for _, c := range candidates {
		if u, err := url.Parse(c); err == nil && u.IsAbs() && u.Host != "" {
			base = u
			break
		}
	}
	for _, c := range candidates {
		u, err := url.Parse(c)
		if c == "" || err != nil {
			continue
		}
		if !u.IsAbs() && base != nil {
			u = base.ResolveReference(u)
		}
		if u.IsAbs() && u.Host != "" && (u.Scheme == "http" || u.Scheme == "https") {
			return u.String()
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// metaCharset finds a charset declared in a <meta charset> or <meta http-equiv
// content="text/html; charset=…"> tag.
var metaCharset = regexp.MustCompile(`(?i)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_.:-]+)`)

// charsetScan is how much of a page is searched for a charset declaration.
const charsetScan = 64 << 10

// decodeHTML returns the page as UTF-8 text, by the rules ExtractHTML documents:
// data itself (or a part of it) when it is UTF-8 already, never a copy.
func decodeHTML(data []byte) ([]byte, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, annotate.Errorf(annotate.EINVALID, "is empty")
	}
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		return checkedUTF8(data[len(utf8BOM):], "its byte-order mark says UTF-8")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, _, err := transform.Bytes(unicode.BOMOverride(unicode.UTF8.NewDecoder()), data)
		if err != nil {
			return nil, annotate.Errorf(annotate.EINVALID, "is not valid UTF-16: %v", err)
		}
		return out, nil
	}
	head := data[:min(len(data), charsetScan)]
	declared := ""
	if m := metaCharset.FindSubmatch(head); m != nil {
		declared = strings.ToLower(string(m[1]))
	}
	if declared == "" {
		if utf8.Valid(data) {
			return data, nil
		}
		return decodeWith(data, "windows-1252")
	}
	enc, err := htmlindex.Get(declared)
	if err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "declares charset %q in a <meta> tag, which this program does not know; convert the page to UTF-8", declared)
	}
	canonical, _ := htmlindex.Name(enc)
	switch canonical {
	case "utf-8", "utf-16le", "utf-16be":
		// A page cannot be UTF-16 if its <meta> could be read as ASCII: browsers
		// take it as UTF-8.
		return checkedUTF8(data, fmt.Sprintf("its <meta> declares %s", declared))
	}
	if isUTF8Text(data) {
		return nil, annotate.Errorf(annotate.EINVALID,
			"declares charset %s in a <meta> tag, but its bytes are UTF-8 text (read as %s, “ would become â€œ); the declaration is wrong: change it to <meta charset=\"utf-8\"> and import again",
			declared, declared)
	}
	return decodeWith(data, canonical)
}

// checkedUTF8 returns data as text if it is valid UTF-8, else an error saying where
// it is not and what the page claimed.
func checkedUTF8(data []byte, claim string) ([]byte, error) {
	if utf8.Valid(data) {
		return data, nil
	}
	at := invalidUTF8At(data)
	return nil, annotate.Errorf(annotate.EINVALID,
		"%s, but byte 0x%02X at offset %d is not UTF-8 (the page is probably windows-1252 or ISO-8859-1): fix the page's <meta charset> and import again",
		claim, data[at], at)
}

// isUTF8Text reports bytes that are valid UTF-8 and use at least one multi-byte
// sequence: text in a single-byte charset almost never forms valid UTF-8 sequences
// by accident.
func isUTF8Text(data []byte) bool {
	for _, b := range data {
		if b >= utf8.RuneSelf {
			return utf8.Valid(data)
		}
	}
	return false
}

func decodeWith(data []byte, name string) ([]byte, error) {
	enc, err := htmlindex.Get(name)
	if err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "charset %s: %v", name, err)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "cannot be decoded as %s: %v", name, err)
	}
	if bytes.IndexByte(out, 0) >= 0 {
		return nil, annotate.Errorf(annotate.EINVALID, "holds NUL characters: not a web page, or saved in an encoding other than %s", name)
	}
	return out, nil
}

// dropScripts empties <script> and <style> elements before parsing: on news pages
// they are most of the bytes, and the HTML tokenizer reads them a byte at a time,
// only for Readability to remove them. JSON-LD scripts, which hold metadata, stay.
// It finds elements as the tokenizer would in the cases that matter: a tag name
// ends at white space, '/' or '>'; an element ends at the first matching end tag
// ("</script" followed by white space, '/' or '>'); comments and the text of
// <title> and <textarea> are stepped over, so a "<script>" written inside them is
// text, not a script. The page is returned as it is when nothing was dropped.
// (The tokenizer's escaped-script states, "<!--" inside a script, are not
// followed: such a script ends at its first "</script", which is harmless here.)
func dropScripts(page []byte) []byte {
	out, _ := dropScriptsInto(nil, page)
	return out
}

// dropScriptsInto is dropScripts writing the shortened page into scratch's
// memory (its length is ignored; it grows as needed); it reports whether it did,
// that is whether anything was dropped.
func dropScriptsInto(scratch, page []byte) ([]byte, bool) {
	out := scratch[:0]
	dropped := false // until something is dropped; then page[:copied] is in out
	copied := 0
	for i := 0; ; {
		lt := bytes.IndexByte(page[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		if bytes.HasPrefix(page[i:], commentStart) {
			end := bytes.Index(page[i+len(commentStart):], commentEnd)
			if end < 0 {
				break
			}
			i += len(commentStart) + end + len(commentEnd)
			continue
		}
		name := ""
		if i+1 < len(page) {
			switch page[i+1] | 0x20 { // the first letter of the tag name, in lower case
			case 's', 't':
				name = rawTextElement(page[i+1:])
			}
		}
		if name == "" {
			i++
			continue
		}
		openEnd := bytes.IndexByte(page[i:], '>')
		if openEnd < 0 {
			break
		}
		openEnd += i + 1
		closeAt := indexEndTag(page[openEnd:], name)
		if closeAt < 0 {
			break
		}
		closeAt += openEnd
		if name == "style" || name == "script" && indexFold(page[i:openEnd], "ld+json") < 0 {
			if !dropped && cap(out) == 0 {
				out = make([]byte, 0, len(page)/4)
			}
			dropped = true
			out = append(out, page[copied:openEnd]...)
			copied = closeAt
		}
		i = closeAt + 2 // past "</"
	}
	if !dropped {
		return page, false
	}
	return append(out, page[copied:]...), true
}

var (
	commentStart = []byte("<!--")
	commentEnd   = []byte("-->")
)

// rawTextElements are the elements whose content dropScripts empties (script,
// style) or steps over (title, textarea: their text may mention "<script>").
var rawTextElements = []string{"script", "style", "title", "textarea"}

// rawTextElement returns which of rawTextElements a start tag's name (the bytes
// after its "<") is, or "".
func rawTextElement(b []byte) string {
	for _, name := range rawTextElements {
		if hasTagName(b, name) {
			return name
		}
	}
	return ""
}

// hasTagName reports whether b starts with name (ASCII, any case) followed by
// what ends a tag name: white space, '/' or '>'.
func hasTagName(b []byte, name string) bool {
	if len(b) <= len(name) || indexFold(b[:len(name)], name) != 0 {
		return false
	}
	switch b[len(name)] {
	case ' ', '\t', '\n', '\f', '\r', '/', '>':
		return true
	}
	return false
}

// indexEndTag finds the end tag "</name" (any case, followed by white space, '/'
// or '>') in b, or -1.
func indexEndTag(b []byte, name string) int {
	for i := 0; ; {
		lt := bytes.IndexByte(b[i:], '<')
		if lt < 0 {
			return -1
		}
		i += lt
		if i+1 < len(b) && b[i+1] == '/' && hasTagName(b[i+2:], name) {
			return i
		}
		i++
	}
}

// indexFold is bytes.Index for an ASCII lower-case needle, ignoring the case of s.
func indexFold(s []byte, needle string) int {
	first := needle[0]
	for i := 0; i+len(needle) <= len(s); i++ {
		c := s[i]
		if c != first && c+32 != first {
			continue
		}
		j := 1
		for ; j < len(needle); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 32
			}
			if c != needle[j] {
				break
			}
		}
		if j == len(needle) {
			return i
		}
	}
	return -1
}
