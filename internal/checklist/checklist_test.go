package checklist

import (
	"strings"
	"testing"

	"github.com/tracelint/tracelint/internal/rules"
)

// catalogue returns a rule for every ID the items name, and a choice of
// the rules turned on: all but off.
func catalogue(off string) ([]*rules.Rule, func(*rules.Rule) bool) {
	var rs []*rules.Rule
	for _, it := range Items {
		for _, id := range it.Rules {
			rs = append(rs, &rules.Rule{ID: id, Title: "title of " + id})
		}
	}
	return rs, func(r *rules.Rule) bool { return r.ID != off }
}

func TestRender(t *testing.T) {
	rs, enabled := catalogue("TL105")
	text, err := Render(rs, enabled)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(text, "- [ ] **"); n != len(Items) {
		t.Errorf("%d checkboxes for %d items:\n%s", n, len(Items), text)
	}
	_, last, _ := strings.Cut(text, "**"+Items[len(Items)-1].Convention+"**")
	want := "  - Off, so yours to check (or list it under `enable` in `.tracelint.yml`): [TL105](" + rules.DocsBase + "TL105.md) title of TL105.\n"
	if !strings.Contains(last, want) || strings.Contains(last, "Checked by tracelint") {
		t.Errorf("the propagator item, with TL105 off, reads:\n%s\nwant the line:\n%s", last, want)
	}
	for _, it := range Items {
		if len(it.Reviewer) == 0 {
			t.Errorf("%q leaves nothing to the reviewer", it.Convention)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	rs, enabled := catalogue("")
	extra := append(rs[:len(rs):len(rs)], &rules.Rule{ID: "TL499", Title: "do something new"})
	if _, err := Render(extra, enabled); err == nil || err.Error() != "TL499 (do something new) is in no checklist item; add it to one in internal/checklist" {
		t.Errorf("a rule in no item: %v", err)
	}
	if _, err := Render(rs[1:], enabled); err == nil || !strings.Contains(err.Error(), "names "+rs[0].ID+", which is not in the rule catalogue") {
		t.Errorf("an item naming a rule the catalogue lacks: %v", err)
	}
	saved := Items
	defer func() { Items = saved }()
	Items = append(append([]Item(nil), saved...), Item{Convention: "Twice", Rules: []string{"TL201"}})
	if _, err := Render(rs, enabled); err == nil || err.Error() != `TL201 is in two checklist items, "Spans are ended" and "Twice"; put it in one` {
		t.Errorf("a rule in two items: %v", err)
	}
}
