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
		{"_shop.order_", `"shop.order"`},
		{"-OrderID-", `"<namespace>.order_id", with your team's namespace`},
		{"__", `lowercase words under your team's namespace, e.g. "shop.order_id"`},
		{"Ümlaut.Key", `"mlaut.key"`},
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

func TestConventional(t *testing.T) {
	for _, tt := range []struct{ key, want string }{
		{"HTTPServer", "http_server"}, // an acronym ends before the word it starts
		{"shop.orderId", "shop.order_id"},
		{"getHTTPResponseCode", "get_http_response_code"},
		{"userID2", "user_id2"},
		{"a1B", "a1_b"},
		{"X", "x"},
		{"_shop.order_", "shop.order"}, // separators at the ends go
		{".shop.", "shop"},
		{"shop._order", "shop.order"}, // and those beside a dot
		{"shop_.order", "shop.order"},
		{"shop.-Order", "shop.order"},
		{"Ümlaut.Key", "mlaut.key"}, // non-ASCII letters are not kept
		{"order€Id", "order_id"},
		{"__", ""},
		{"", ""},
	} {
		if got := Conventional(tt.key); got != tt.want {
			t.Errorf("Conventional(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}
