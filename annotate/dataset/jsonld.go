package dataset

import (
	"encoding/json"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/newsmark/newsmark/annotate"
)

// Readability reads a page's JSON-LD for the title, byline, outlet and date, but
// not its language; jsonLDLanguages reads that.

// jsonLDArticleTypes are the schema.org types Readability takes for an article.
var jsonLDArticleTypes = regexp.MustCompile(`(?i)^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference)$`)

// jsonLDLanguages returns the languages a page's JSON-LD gives, as valid language
// tags ("" where none): the inLanguage of its first article (NewsArticle,
// Article, BlogPosting, …), and that of the first other object (the WebPage or
// WebSite). scripts are the texts of its <script type="application/ld+json">
// elements; one that is not JSON is passed over, as browsers and Readability do.
//
// inLanguage may be a tag ("de-CH"), a schema.org Language object (its
// alternateName, else its name, if that is a tag: {"@type": "Language", "name":
// "German", "alternateName": "de"}), or an array of either (the first that is a
// tag).
func jsonLDLanguages(scripts []string) (article, other string) {
	for _, script := range scripts {
		script = strings.TrimSpace(script)
		script = strings.TrimSuffix(strings.TrimPrefix(script, "<![CDATA["), "]]>")
		var v any
		if json.Unmarshal([]byte(script), &v) != nil {
			continue
		}
		walkJSONLD(v, func(obj map[string]any) {
			lang := languageOf(obj["inLanguage"])
			if lang == "" {
				return
			}
			if article == "" && isArticleType(obj["@type"]) {
				article = lang
			} else if other == "" {
				other = lang
			}
		})
		if article != "" {
			break
		}
	}
	return article, other
}

// walkJSONLD calls fn for every object of a JSON-LD document: top-level objects,
// the items of a top-level array and of @graph lists, but not nested values (an
// article's author or publisher is no source of its language).
func walkJSONLD(v any, fn func(map[string]any)) {
	switch v := v.(type) {
	case []any:
		for _, item := range v {
			walkJSONLD(item, fn)
		}
	case map[string]any:
		fn(v) // an object with a @graph has its own inLanguage first
		if graph, ok := v["@graph"]; ok {
			walkJSONLD(graph, fn)
		}
	}
}

func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return jsonLDArticleTypes.MatchString(t)
	case []any:
		for _, item := range t {
			if s, ok := item.(string); ok && jsonLDArticleTypes.MatchString(s) {
				return true
			}
		}
	}
	return false
}

// languageOf reads an inLanguage value (see jsonLDLanguage).
func languageOf(v any) string {
	switch v := v.(type) {
	case string:
		if tag := strings.TrimSpace(v); tag != "" && (annotate.Metadata{Language: tag}).Validate() == nil {
			return tag
		}
	case map[string]any:
		for _, key := range []string{"alternateName", "name", "@value"} {
			if tag := languageOf(stringOrFirst(v[key])); tag != "" {
				return tag
			}
		}
	case []any:
		for _, item := range v {
			if tag := languageOf(item); tag != "" {
				return tag
			}
		}
	}
	return ""
}

// stringOrFirst returns v if it is a string, the first string of an array, else nil.
func stringOrFirst(v any) any {
	if items, ok := v.([]any); ok {
		for _, item := range items {
			if s, ok := item.(string); ok {
				return s
			}
		}
		return nil
	}
	if s, ok := v.(string); ok {
		return s
	}
	return nil
}

// jsonLDText returns the text of a <script type="application/ld+json"> element;
// false for any other node.
func jsonLDText(n *html.Node) (string, bool) {
	if n.Type != html.ElementNode || n.Data != "script" ||
		!strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
		return "", false
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String(), true
}
