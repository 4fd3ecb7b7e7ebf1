package keyrule

import "testing"

func TestSuggestName(t *testing.T) {
	for _, tt := range []struct{ key, want string }{
		{"OrderID", `"<namespace>.order_id", with your team's namespace`},
		{"shop.orderId", `"shop.order_id"`},
		{"HTTPServer", `"<namespace>.http_server", with your team's namespace`},
		{"order-id", `"<namespace>.order_id", with your team's namespace`},
		{"authzed.com/x/caveatName", `"authzed.com_x_caveat_name"`},
		{"shop..order", `"shop.order"`},
		{"_.Ü", `lowercase words under your team's namespace, e.g. "shop.order_id"`},
		{"9Lives", `lowercase words under your team's namespace, e.g. "shop.order_id"`},
		{"café.order", `"caf.order"`},
		{"a~b.c", `"a_b.c"`},
		{"shop.order2Id", `"shop.order2_id"`},
		{"shop.order__id", `"shop.order_id"`},
	} {
		got := SuggestName(tt.key)
		if got != tt.want {
			t.Errorf("SuggestName(%q) = %s, want %s", tt.key, got, tt.want)
		}
		if !ValidName(tt.key) && got == `"`+tt.key+`"` {
			t.Errorf("SuggestName(%q) proposes the key itself", tt.key)
		}
	}
}

func TestValidName(t *testing.T) {
	for key, want := range map[string]bool{
		"shop.order_id": true,
		"order_id":      false, // no namespace
		"shop.orderId":  false,
		"shop..order":   false,
	} {
		if got := ValidName(key); got != want {
			t.Errorf("ValidName(%q) = %v, want %v", key, got, want)
		}
	}
}
