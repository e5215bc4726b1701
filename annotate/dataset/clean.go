package dataset

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsmark/newsmark/annotate"
)

// Boilerplate cleaning (import --clean) removes the lines a web page drags along
// when its text is copied or scraped: navigation above the article, copyright and
// comment widgets below it. It only ever removes whole lines at the start and at
// the end of a file: from the top, lines are removed while they are boilerplate and
// the first line that is not ends the removal; the same from the bottom. Nothing in
// between is touched, so an article quoting "All rights reserved" keeps it. Blank
// lines between removed lines go with them; the kept text is byte for byte what
// the file held (CRLF included).
//
// A line is boilerplate when one of these rules says so (the reason reported):
//
//   - repeated: the same line (compared after folding case and white space) is
//     among the first or last CleanZone non-blank lines of at least
//     CleanMinFiles files and of at least CleanMinShare of the text files of the
//     import: a site's navigation and footer, a feed's standard lines.
//   - navigation: a short line (at most 100 characters) that is a menu, three or
//     more items separated by | • · › » or " / " ("Home | News | Sport"); or one of
//     the usual link texts ("Skip to content", "Share this article", "Advertisement",
//     "Read more", "Back to top", …); or a category line ("Published in News &
//     Features", "Filed under …", "Tags: …").
//   - copyright: a line of at most 200 characters with © or "(c) 2024", starting
//     with "Copyright" or ending with "All rights reserved" (or its German, French
//     or Spanish wording).
//   - comments: a comment widget's line ("Comments", "Comments (12)", "12 comments",
//     "Leave a comment", "blog comments powered by Disqus", "Please enable
//     JavaScript to view the comments", …).
//
// A file whose every line is boilerplate is left unchanged and reported, not
// emptied.

// Cleaning thresholds; see the rules above.
const (
	CleanZone     = 15  // lines at each end considered for the repeated rule
	CleanMinFiles = 3   // a repeated line appears in at least this many files
	CleanMinShare = 0.3 // and in at least this share of the import's text files
	maxNavRunes   = 100 // navigation lines are short
	maxLegalRunes = 200 // copyright lines too
	maxCountRunes = 200 // lines longer than this are never counted as repeated
	cleanReadMax  = 1 << 20
)

// Reasons a line was removed.
const (
	ReasonRepeated   = "repeated"
	ReasonNavigation = "navigation"
	ReasonCopyright  = "copyright"
	ReasonComments   = "comments"
)

// RemovedLine is one line cleaning took out of a file.
type RemovedLine struct {
	Line   int    // 1-based line number in the file
	Text   string // the line, without its line break
	Reason string // ReasonRepeated, ReasonNavigation, ReasonCopyright or ReasonComments
}

// CleanReport is what cleaning removed from one file.
type CleanReport struct {
	Path      string
	Removed   []RemovedLine
	Unchanged bool // every line looked like boilerplate, so the file was kept whole
}

// Cleaner decides which lines are boilerplate; build one per import with
// NewCleaner so that the repeated rule sees every file of the import.
type Cleaner struct {
	repeated map[string]bool
}

// NewCleaner reads the start and end of every plain-text file under paths (as Read
// would find them) and learns which lines repeat across them.
func NewCleaner(paths []string) *Cleaner {
	counts := map[string]int{}
	files := 0
	visit := func(path string) {
		lines := edgeLines(path)
		if lines == nil {
			return
		}
		files++
		for key := range lines {
			counts[key]++
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !info.IsDir() {
			if info.Mode().IsRegular() {
				visit(p)
			}
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if path != p && hidden(d.Name()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			// Only regular files: opening a named pipe would block.
			if d.Type().IsRegular() && formatByExt(strings.ToLower(filepath.Ext(path))) == FormatText {
				visit(path)
			}
			return nil
		})
	}
	c := &Cleaner{repeated: map[string]bool{}}
	for key, n := range counts {
		if n >= CleanMinFiles && float64(n) >= CleanMinShare*float64(files) {
			c.repeated[key] = true
		}
	}
	return c
}

// edgeLines returns the folded keys of the first and last CleanZone non-blank lines
// of a text file (nil if it cannot be read). Large files are read only at their ends.
func edgeLines(path string) map[string]bool {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil
	}
	var data []byte
	if info.Size() <= 2*cleanReadMax {
		data, err = io.ReadAll(f)
		if err != nil {
			return nil
		}
	} else {
		head := make([]byte, cleanReadMax)
		tail := make([]byte, cleanReadMax)
		if _, err := f.ReadAt(head, 0); err != nil {
			return nil
		}
		if _, err := f.ReadAt(tail, info.Size()-cleanReadMax); err != nil {
			return nil
		}
		data = append(append(head, '\n'), tail...)
	}
	lines := strings.Split(string(data), "\n")
	keys := map[string]bool{}
	add := func(order func(yield func(int) bool)) {
		n := 0
		for i := range order {
			key := foldLine(lines[i])
			if key == "" {
				continue
			}
			if n++; n > CleanZone {
				return
			}
			if utf8.RuneCountInString(key) <= maxCountRunes {
				keys[key] = true
			}
		}
	}
	add(func(yield func(int) bool) {
		for i := 0; i < len(lines) && yield(i); i++ {
		}
	})
	add(func(yield func(int) bool) {
		for i := len(lines) - 1; i >= 0 && yield(i); i-- {
		}
	})
	return keys
}

// foldLine is a line as the repeated rule compares it: lower case, white space
// (NBSP included: strings.Fields splits at every unicode.IsSpace) collapsed,
// trimmed.
func foldLine(s string) string { return strings.ToLower(annotate.OneLine(s)) }

// Clean removes leading and trailing boilerplate lines from text and says which.
func (c *Cleaner) Clean(text string) (string, []RemovedLine, bool) {
	type line struct {
		start, end int // byte range, line break included
		body       string
	}
	var lines []line
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start + 1
		}
		lines = append(lines, line{start, end, strings.TrimRight(text[start:end], "\r\n")})
		start = end
	}
	var removed []RemovedLine
	first := 0
	for ; first < len(lines); first++ {
		if strings.TrimSpace(lines[first].body) == "" {
			continue
		}
		reason := c.reason(lines[first].body)
		if reason == "" {
			break
		}
		removed = append(removed, RemovedLine{Line: first + 1, Text: lines[first].body, Reason: reason})
	}
	if first == len(lines) {
		return text, nil, len(removed) > 0
	}
	last := len(lines) - 1
	var tail []RemovedLine
	for ; last > first; last-- {
		if strings.TrimSpace(lines[last].body) == "" {
			continue
		}
		reason := c.reason(lines[last].body)
		if reason == "" {
			break
		}
		tail = append(tail, RemovedLine{Line: last + 1, Text: lines[last].body, Reason: reason})
	}
	for i := len(tail) - 1; i >= 0; i-- {
		removed = append(removed, tail[i])
	}
	if len(removed) == 0 {
		return text, nil, false
	}
	end := len(text)
	if len(tail) > 0 {
		end = lines[last].end
	}
	return text[lines[first].start:end], removed, false
}

var (
	menuSeparators = regexp.MustCompile(`\s*(?:\||•|·|›|»| / )\s*`)
	copyrightLine  = regexp.MustCompile(`(?i)©|\(c\)\s*(19|20)\d\d|^copyright\b|(all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)\.?$`)
	categoryLine   = regexp.MustCompile(`(?i)^(published in|posted in|filed under|tags?:|categories:|category:|section:|rubrik:)\s*\S`)
	commentsLine   = regexp.MustCompile(`(?i)^(\d+\s+comments?|comments?(\s*\(\d+\))?|show comments|view comments|leave a (comment|reply)|add a comment|post a comment|join the (conversation|discussion)|be the first to comment\.?|.*comments powered by disqus\.?|please enable javascript to view the comments.*|kommentare?(\s*\(\d+\))?|commentaires?)$`)
)

// navigationWords are link texts of site chrome, compared after foldLine and
// without trailing punctuation.
var navigationWords = map[string]bool{
	"home": true, "menu": true, "search": true, "skip to content": true, "skip to main content": true,
	"skip navigation": true, "sign in": true, "log in": true, "login": true, "register": true, "subscribe": true,
	"subscribe now": true, "share": true, "share this": true, "share this article": true, "share this story": true,
	"share on facebook": true, "share on twitter": true, "share on x": true, "tweet": true, "print": true,
	"email": true, "e-mail": true, "advertisement": true, "advertising": true, "ad": true, "sponsored": true,
	"read more": true, "continue reading": true, "related": true, "related articles": true, "related stories": true,
	"more stories": true, "most read": true, "most popular": true, "trending": true, "back to top": true,
	"next article": true, "previous article": true, "close": true, "newsletter": true, "sign up": true,
	"follow us": true, "startseite": true, "anzeige": true, "teilen": true, "accueil": true, "partager": true,
}

// reason says which rule makes a line boilerplate, or "" for none.
func (c *Cleaner) reason(line string) string {
	key := foldLine(line)
	runes := utf8.RuneCountInString(key)
	switch {
	case c != nil && c.repeated[key]:
		return ReasonRepeated
	case runes <= maxNavRunes && commentsLine.MatchString(key):
		return ReasonComments
	case runes <= maxLegalRunes && copyrightLine.MatchString(key):
		return ReasonCopyright
	case runes <= maxNavRunes && (navigationWords[strings.TrimRight(key, ".:!›»>")] || categoryLine.MatchString(key) || isMenu(key)):
		return ReasonNavigation
	}
	return ""
}

// isMenu reports three or more short items between menu separators.
func isMenu(key string) bool {
	items := menuSeparators.Split(key, -1)
	if len(items) < 3 {
		return false
	}
	for _, item := range items {
		if item == "" || len(strings.Fields(item)) > 3 {
			return false
		}
	}
	return true
}

// clean applies the import's cleaner to one file's text and reports it.
func (r *reader) clean(path, text string) string {
	cleaned, removed, unchanged := r.cleaner.Clean(text)
	if r.opts.OnClean != nil && (len(removed) > 0 || unchanged) {
		r.opts.OnClean(CleanReport{Path: path, Removed: removed, Unchanged: unchanged})
	}
	return cleaned
}

// CleanLog collects the reports of a cleaning read (ReadOptions.OnClean), which
// arrive from the reading goroutine.
type CleanLog struct {
	mu      sync.Mutex
	reports []CleanReport
}

// Add records one file's report.
func (l *CleanLog) Add(r CleanReport) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reports = append(l.reports, r)
}

// Reports is a copy of the reports so far, in the order they came.
func (l *CleanLog) Reports() []CleanReport {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]CleanReport(nil), l.reports...)
}
