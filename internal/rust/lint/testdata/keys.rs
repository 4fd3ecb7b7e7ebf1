// config: {attrkeys: {deny: [{key: "legacy.*", reason: "use shop.* keys"}], ignore-namespaces: [internal]}}
use tracing::{info_span, span, Level};
use tracing as tr;

pub fn keys(method: &str, status: u16, ratio: f64, ok: bool, name: String) {
    let _a = info_span!("a", http.request.methd = method); // want: TL301
    let _b = info_span!("b", http.method = method); // want: TL303
    let _c = info_span!("c", http.response.status_code = %status); // want: TL302
    let _d = info_span!("d", http.response.status_code = status, http.request.method = method);
    let _e = info_span!("e", "http.request.method" = "GET");
    let _f = info_span!("f", http.request.method = "GETT"); // want: TL306
    let _g = info_span!("g", http.request.method = "prometheus-extension");
    let _h = info_span!("h", legacy.order = 1); // want: TL301
    let _i = info_span!("i", internal.whatever = 1, orderId = 3, order_id = 4);
    let _j = span!(Level::INFO, "j", server.port = "8080"); // want: TL302
    let _k = span!(Level::INFO, "k", server.port = 8080, server.port = ratio); // want: TL302
    let _l = info_span!("l", server.port = ?status); // want: TL302
    let _m = info_span!("m", http.response.status_code = tracing::field::Empty);
    _m.record("http.response.status_code", &status);
    _m.record("http.response.status_code", tracing::field::display(status)); // want: TL302
    _m.record("http.response.status_cod", status); // want: TL301
    let _p = tr::info_span!("p", server.port = name); // want: TL302
    let port = 8080;
    let _n = info_span!("n", server.port = port);
    let _o = info_span!("o", server.port = port as i64, server.address = name.as_str());
}
