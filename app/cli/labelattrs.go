package cli

import (
	"flag"
	"fmt"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// runLabelsAttr is `labels attr add LABEL NAME --type T [--options a,b]` and
// `labels attr remove LABEL NAME`.
func runLabelsAttr(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("labels attr: say add or remove (labels attr add LABEL NAME --type T [--options a,b])")
	}
	switch args[0] {
	case "add":
		return runLabelsAttrAdd(e, args[1:])
	case "remove":
		return runLabelsAttrRemove(e, args[1:])
	}
	return usagef("labels attr: unknown subcommand %q (add or remove)", args[0])
}

func runLabelsAttrAdd(e *env, args []string) error {
	fs := flag.NewFlagSet("labels attr add", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	typeName := fs.String("type", "", "text, number, choice, bool or source")
	options := fs.String("options", "", "the choices of a choice attribute, comma-separated")
	names, err := parseInterleaved(fs, args)
	if err != nil {
		return usagef("labels attr add: %v", err)
	}
	if len(names) != 2 {
		return usagef("labels attr add: give a LABEL and an attribute NAME")
	}
	if *typeName == "" {
		return usagef("labels attr add: --type is required (text, number, choice, bool or source)")
	}
	typ, err := annotate.ParseAttrType(*typeName)
	if err != nil {
		return usagef("labels attr add: %v", err)
	}
	decl := annotate.AttrDecl{Name: names[1], Type: typ}
	if *options != "" {
		for _, o := range strings.Split(*options, ",") {
			decl.Options = append(decl.Options, strings.TrimSpace(o))
		}
	}
	store, err := e.store()
	if err != nil {
		return err
	}
	label, err := store.DeclareAttribute(e.ctx, names[0], decl)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "label %s: attribute %s\n", label.Name, decl.Describe())
	return nil
}

func runLabelsAttrRemove(e *env, args []string) error {
	if len(args) != 2 {
		return usagef("labels attr remove: give a LABEL and an attribute NAME")
	}
	store, err := e.store()
	if err != nil {
		return err
	}
	removed, err := store.RemoveAttribute(e.ctx, args[0], args[1])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "label %s: attribute %s removed with %s\n", annotate.NormalizeLabelName(args[0]), args[1], plural(removed, "value"))
	return nil
}

// describeAttrs lists a label's attributes for the labels table.
func describeAttrs(decls []annotate.AttrDecl) string {
	if len(decls) == 0 {
		return "-"
	}
	parts := make([]string, len(decls))
	for i, d := range decls {
		parts[i] = d.Describe()
	}
	return strings.Join(parts, "; ")
}

// attrDeclJSON is a declaration in `labels --json`.
type attrDeclJSON struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Options []string `json:"options,omitempty"`
}

func attrDeclsJSON(decls []annotate.AttrDecl) []attrDeclJSON {
	out := make([]attrDeclJSON, len(decls))
	for i, d := range decls {
		out[i] = attrDeclJSON{Name: d.Name, Type: string(d.Type), Options: d.Options}
	}
	return out
}
