package localeenv

import "testing"

func TestApplySetsLanguageOnlyForCLocalesWithAnEncoding(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"LANG": "C.UTF-8"}, true},
		{map[string]string{"LANG": "POSIX.utf8"}, true},
		{map[string]string{"LC_ALL": "C.UTF-8", "LANG": "de_DE.UTF-8"}, true},
		{map[string]string{"LC_MESSAGES": "C.UTF-8"}, true},
		{map[string]string{"LANG": "C"}, false}, // go-locale handles a bare C itself
		{map[string]string{"LANG": "en_GB.UTF-8"}, false},
		{map[string]string{"LC_ALL": "fr_FR.UTF-8", "LANG": "C.UTF-8"}, false}, // LC_ALL wins
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "de"}, false},        // the user's choice stands
		{map[string]string{}, false},
	}
	for _, c := range cases {
		set := map[string]string{}
		got := Apply(func(k string) string { return c.env[k] }, func(k, v string) error { set[k] = v; return nil })
		if got != c.want {
			t.Errorf("%v: applied %v, want %v", c.env, got, c.want)
		}
		if got && (len(set) != 1 || set["LANGUAGE"] != "en") {
			t.Errorf("%v: set %v, want only LANGUAGE=en", c.env, set)
		}
		if !got && len(set) != 0 {
			t.Errorf("%v: set %v without saying so", c.env, set)
		}
	}
}
