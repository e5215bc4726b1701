package dataset

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// The pages under testdata/html are written for these tests in the shapes news
// sites use; none is a copy of a real site.

const portStoryText = "Negotiators from both sides left the harbour authority’s offices on Tuesday evening without an agreement, after nine hours of talks that union leaders described as “going nowhere.”\n\n" +
	"The dock workers’ union has demanded a 7 per cent pay rise and a guarantee that no crane operator will be replaced by automated systems before 2030. The port’s operator, Northline Terminals, has offered 3 per cent and a review of automation plans in two years.\n\n" +
	"“We stay out until they listen,” said Ilse Marrow, the union’s regional secretary, speaking to reporters outside the gates — where about 400 workers had gathered since dawn. Ships waiting to unload now stretch 14 kilometres along the coast.\n\n" +
	"The city council said on Monday that the strike had already cost local businesses an estimated 2.3 million euros. Its deputy mayor, Tomas Pavić, called on both parties to accept mediation by the regional labour court.\n\n" +
	"Talks are due to resume on Thursday. Northline did not respond to a request for comment."

// boilerplate is text of the pages' navigation, share buttons, related links,
// comment widgets, cookie banners and footers: none of it may reach the text.
var boilerplate = []string{
	"Home", "Sport", "Subscribe", "Search", "News ›", "Share on", "Email this", "Published in", "Related stories",
	"Crane operators fear", "Comments", "Disqus", "JavaScript", "©", "Copyright", "All rights reserved", "Privacy",
	"Terms of use", "cookies", "Accept all", "Sign in", "newsletter", "Most read", "Storm warning",
	"Startseite", "Politik", "Artikel teilen", "Facebook", "Kommentar", "Impressum", "Datenschutz", "Von Lena",
	"By Ana", "5 March 2024, 18:42",
}

func TestExtractHTMLFindsTheArticleAndItsMetadata(t *testing.T) {
	cases := []struct {
		file            string
		title, outlet   string
		authors         []string
		date, url, lang string
		text            string // "" to check only the first paragraph
		firstParagraph  string
	}{
		{file: "article-widgets.html", title: "Port talks collapse as strike enters third week", outlet: "The Harbour Courier",
			authors: []string{"Ana Pavić", "Tom Hale"}, date: "2024-03-05T18:42:00+01:00",
			url: "https://harbourcourier.example/news/2024/03/port-talks-collapse", lang: "en-GB", text: portStoryText},
		{file: "jsonld-newsarticle.html", title: "Port talks collapse after nine hours", outlet: "Coastal Wire",
			authors: []string{"Ilse Marrow"}, date: "2024-03-05T17:00:00Z",
			url: "https://coastalwire.example/2024/03/05/port-talks", lang: "en", text: portStoryText}, // lang from JSON-LD inLanguage
		{file: "german-windows-1252.html", title: "Hafenstreit: Gespräche gescheitert", outlet: "Küstenbote",
			authors: []string{"Lena Müller"}, date: "2024-03-05", lang: "de",
			firstParagraph: "Die Verhandlungen im Hafenstreit sind am Dienstagabend nach neun Stunden ohne Ergebnis abgebrochen worden. Die Gewerkschaft sprach von „festgefahrenen Gesprächen“."},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join("testdata", "html", c.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := ExtractHTML(data, path)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != c.title || doc.Outlet != c.outlet || !slices.Equal(doc.Authors, c.authors) ||
				doc.Published != c.date || doc.URL != c.url || doc.Language != c.lang {
				t.Errorf("metadata: title %q outlet %q authors %q date %q url %q lang %q\nwant %q %q %q %q %q %q",
					doc.Title, doc.Outlet, doc.Authors, doc.Published, doc.URL, doc.Language,
					c.title, c.outlet, c.authors, c.date, c.url, c.lang)
			}
			if c.text != "" && doc.Text != c.text {
				t.Errorf("text:\n%s\nwant:\n%s", doc.Text, c.text)
			}
			if c.firstParagraph != "" && !strings.HasPrefix(doc.Text, c.firstParagraph+"\n\n") {
				t.Errorf("text does not start with the first paragraph and a blank line:\n%s", doc.Text)
			}
			for _, line := range strings.Split(doc.Text, "\n") {
				for _, b := range boilerplate {
					if strings.Contains(line, b) {
						t.Errorf("boilerplate %q survived in line %q", b, line)
					}
				}
			}
			if strings.Contains(doc.Text, "\n\n\n") || strings.HasPrefix(doc.Text, "\n") || strings.HasSuffix(doc.Text, "\n") {
				t.Errorf("paragraphs are not separated by exactly one blank line: %q", doc.Text)
			}
			if doc.Original == nil || string(doc.Original.Content) != string(data) || doc.Original.MediaType != "text/html" {
				t.Error("the page's bytes are not kept as the original")
			}
			if err := doc.Validate(); err != nil {
				t.Errorf("extracted document does not validate: %v", err)
			}
		})
	}
}

func TestExtractHTMLReadsTheLanguageFromJSONLD(t *testing.T) {
	article, err := os.ReadFile(filepath.Join("testdata", "html", "jsonld-newsarticle.html"))
	if err != nil {
		t.Fatal(err)
	}
	// The fixture's own JSON-LD (inLanguage "en") is replaced by each case's.
	start := strings.Index(string(article), `<script type="application/ld+json">`)
	end := strings.Index(string(article), "</script>") + len("</script>")
	page := func(htmlLang, jsonLD string) []byte {
		p := string(article[:start]) + jsonLD + string(article[end:])
		if htmlLang != "" {
			p = strings.Replace(p, "<html>", `<html lang="`+htmlLang+`">`, 1)
		}
		return []byte(p)
	}
	ld := func(s string) string { return `<script type="application/ld+json">` + s + `</script>` }
	cases := []struct{ name, htmlLang, jsonLD, want string }{
		{"a tag", "", ld(`{"@context":"https://schema.org","@type":"NewsArticle","headline":"x","inLanguage":"pt-BR"}`), "pt-BR"},
		{"a Language object's alternateName", "",
			ld(`{"@context":"https://schema.org","@type":"NewsArticle","inLanguage":{"@type":"Language","name":"German","alternateName":"de"}}`), "de"},
		{"a Language object naming only a tag", "", ld(`{"@type":"NewsArticle","inLanguage":{"@type":"Language","name":"fr"}}`), "fr"},
		{"an array: the first tag", "", ld(`{"@type":"NewsArticle","inLanguage":["Deutsch", {"name":"Spanish","alternateName":"es"}, "it"]}`), "es"},
		{"the article wins over <html lang>", "en", ld(`{"@type":["NewsArticle"],"inLanguage":"nl"}`), "nl"},
		{"the article in a @graph wins over the WebPage", "",
			ld(`{"@context":"https://schema.org","@graph":[{"@type":"WebPage","inLanguage":"en-US"},{"@type":"ReportageNewsArticle","inLanguage":"uk"}]}`), "uk"},
		{"<html lang> wins over the WebPage", "sv", ld(`[{"@type":"WebSite","inLanguage":"en"},{"@type":"NewsArticle"}]`), "sv"},
		{"the WebPage when nothing else says", "", ld(`[{"@type":"WebSite","inLanguage":"en"},{"@type":"NewsArticle"}]`), "en"},
		{"the second script when the first is not JSON", "", ld(`{not json`) + ld(`{"@type":"NewsArticle","inLanguage":"da"}`), "da"},
		{"CDATA around the JSON", "", ld(`<![CDATA[{"@type":"NewsArticle","inLanguage":"fi"}]]>`), "fi"},
		{"a value that is not a tag is passed over", "", ld(`{"@type":"NewsArticle","inLanguage":"English (UK)"}`), ""},
		{"an author's inLanguage is not the article's", "", ld(`{"@type":"NewsArticle","author":{"@type":"Person","name":"A","inLanguage":"ja"}}`), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := ExtractHTML(page(c.htmlLang, c.jsonLD), "page.html")
			if err != nil {
				t.Fatal(err)
			}
			if doc.Language != c.want {
				t.Errorf("language %q, want %q", doc.Language, c.want)
			}
		})
	}
}

func TestExtractHTMLRefusesPagesItCannotTrust(t *testing.T) {
	cases := []struct{ file, want string }{
		{"front-page.html", "no article found"},
		{"mislabelled-utf8-as-1252.html", "declares charset windows-1252"},
		{"mislabelled-1252-as-utf8.html", "byte 0xE4 at offset"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join("testdata", "html", c.file)
			recs, errs := readAll(t, []string{path}, ReadOptions{})
			if len(recs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), path+": ") || !strings.Contains(errs[0].Error(), c.want) {
				t.Fatalf("records %d, errors %v; want one error naming %s and saying %q", len(recs), errs, path, c.want)
			}
			if annotate.ErrorCode(errs[0]) != annotate.EINVALID {
				t.Errorf("error code %s, want invalid", annotate.ErrorCode(errs[0]))
			}
		})
	}
	for name, page := range map[string]string{"empty": "", "blank": " \n\t", "NUL": "<html>\x00\x00</html>"} {
		if _, err := ExtractHTML([]byte(page), name); err == nil {
			t.Errorf("%s page: no error", name)
		}
	}
}

func TestExtractHTMLDecodesCharsetsItIsToldOrFinds(t *testing.T) {
	cases := []struct {
		name string
		page []byte
		want string
	}{
		{"BOM", append([]byte("\xEF\xBB\xBF"), "<p>“x”</p>"...), "<p>“x”</p>"},
		{"UTF-16LE BOM", []byte("\xFF\xFE<\x00p\x00>\x00\x1C\x20x\x00\x1D\x20"), "<p>“x”"},
		{"no declaration, UTF-8", []byte("<p>Zoë — “x”</p>"), "<p>Zoë — “x”</p>"},
		{"no declaration, not UTF-8: windows-1252", []byte("<p>Zo\xEB \x97 \x93x\x94</p>"), "<p>Zoë — “x”</p>"},
		{"ISO-8859-1 in http-equiv (read as windows-1252, as browsers do)", []byte("<meta http-equiv=\"content-type\" content=\"text/html; charset=ISO-8859-1\"><p>\x93x\x94</p>"), "“x”"},
		{"koi8-r", []byte("<meta charset='koi8-r'><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>"), "Привет"},
	}
	for _, c := range cases {
		got, err := decodeHTML(c.page)
		if err != nil || !strings.Contains(string(got), c.want) {
			t.Errorf("%s: %q, %v; want it to contain %q", c.name, got, err, c.want)
		}
	}
	if _, err := decodeHTML([]byte("<meta charset=x-unknown-99><p>x</p>")); err == nil || !strings.Contains(err.Error(), "x-unknown-99") {
		t.Errorf("unknown charset: %v", err)
	}
}

func TestFoldersOfPagesImportEveryPageAndNameTheBadOnes(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"article-widgets.html", "jsonld-newsarticle.html", "front-page.html"} {
		data, err := os.ReadFile(filepath.Join("testdata", "html", name))
		if err != nil {
			t.Fatal(err)
		}
		ext := ".html"
		if name == "jsonld-newsarticle.html" {
			ext = ".htm"
		}
		writeFile(t, filepath.Join(dir, strings.TrimSuffix(name, ".html")+ext), string(data))
	}
	writeFile(t, filepath.Join(dir, "notes.png"), "not read")
	recs, errs := readAll(t, []string{dir}, ReadOptions{})
	if len(recs) != 2 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "front-page.html") {
		t.Fatalf("records %d, errors %v; want 2 articles and the front page refused", len(recs), errs)
	}
	if recs[0].Document.Outlet != "The Harbour Courier" || recs[1].Document.Outlet != "Coastal Wire" {
		t.Errorf("outlets %q, %q", recs[0].Document.Outlet, recs[1].Document.Outlet)
	}
}

func TestDropScriptsEmptiesScriptsAndStylesButKeepsJSONLD(t *testing.T) {
	page := `<head><STYLE>p{}</STYLE><script type="application/ld+json">{"@type":"NewsArticle"}</script>` +
		`<script>var s = "<p>not text</p>";</script></head><body><p>Text</p><script src="x.js"></script></body>`
	want := `<head><STYLE></STYLE><script type="application/ld+json">{"@type":"NewsArticle"}</script>` +
		`<script></script></head><body><p>Text</p><script src="x.js"></script></body>`
	if got := string(dropScripts([]byte(page))); got != want {
		t.Errorf("dropScripts:\n%s\nwant\n%s", got, want)
	}
	cases := []struct{ name, page, want string }{
		{"a <script> in the title is text",
			`<title>Why <script> tags slow pages</title><script>x()</script><p>Text</p>`,
			`<title>Why <script> tags slow pages</title><script></script><p>Text</p>`},
		{"a <script> in a textarea is text",
			`<textarea><style>p{}</style></textarea><STYLE type="text/css">p{}</STYLE>`,
			`<textarea><style>p{}</style></textarea><STYLE type="text/css"></STYLE>`},
		{"a <script> in a comment is no script",
			`<!-- <script> --><p>“Kept” — text</p><script>x()</script >`,
			`<!-- <script> --><p>“Kept” — text</p><script></script >`},
		{"<scripts> and </scripts> are other tags",
			`<scripts>kept</scripts><script>a("</scripts>")</script><p>x</p>`,
			`<scripts>kept</scripts><script></script><p>x</p>`},
		{"an end tag with white space or a slash",
			"<script>a()</script\n><style>b</style/><p>x</p>",
			"<script></script\n><style></style/><p>x</p>"},
	}
	for _, c := range cases {
		if got := string(dropScripts([]byte(c.page))); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
	for _, page := range []string{"", "<p>no scripts</p>", "<script>unclosed", "<script", "<!-- <script>x()</script>", "<title><script>x()</script>"} {
		if got := string(dropScripts([]byte(page))); got != page {
			t.Errorf("dropScripts(%q) = %q, want it unchanged", page, got)
		}
	}
}

func TestPagesExtractedInParallelKeepFileOrder(t *testing.T) {
	dir := t.TempDir()
	page, err := os.ReadFile(filepath.Join("testdata", "html", "article-widgets.html"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i := range 12 {
		name := filepath.Join(dir, fmt.Sprintf("%02d", i))
		switch i % 3 {
		case 0:
			writeFile(t, name+".txt", fmt.Sprintf("plain %d", i))
		case 1:
			writeFile(t, name+".html", strings.Replace(string(page), "Talks are due", fmt.Sprintf("Talks (%d) are due", i), 1))
		case 2:
			writeFile(t, name+".html", "<html><body><ul><li><a href=/>x</a></li></ul></body></html>")
		}
		want = append(want, name)
	}
	var got []string
	for rec, err := range readSequential([]string{dir}, ReadOptions{}) {
		origin := rec.Origin
		if err != nil {
			var re annotate.RecordError
			if !asRecordError(err, &re) {
				t.Fatalf("error without origin: %v", err)
			}
			origin = re.Origin
		}
		got = append(got, strings.TrimSuffix(strings.TrimSuffix(origin, ".txt"), ".html"))
	}
	if !slices.Equal(got, want) {
		t.Errorf("order:\n%q\nwant\n%q", got, want)
	}
	// A consumer that stops early stops the reading, with nothing left running.
	n := 0
	for range readSequential([]string{dir}, ReadOptions{}) {
		if n++; n == 2 {
			break
		}
	}
}

func TestTidyExtractedTextKeepsOneParagraphALine(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"blank lines between paragraphs", "\n\n  First “one” —\tdone.  \n\n\n\nSecond 😀 one.\n", "First “one” — done.\n\nSecond 😀 one."},
		{"CRLF and a lone CR inside a line", "a\r\nb\rc\r\n\r\n", "a\n\nb c"},
		{"NBSP at the ends goes, inside stays", "\u00a0x\u00a0\u00a0y\u00a0\n", "x\u00a0\u00a0y"},
		{"runs of ASCII white space become one space", "one \t\f\v  two", "one two"},
		{"only white space", " \n\t\n\u00a0", ""},
		{"one line", "Zürich", "Zürich"},
	}
	for _, c := range cases {
		if got := tidyExtractedText(c.in); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
