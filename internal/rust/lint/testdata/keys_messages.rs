// config: {enable: [TL304]}
// Naming convention and deprecations without a registry.
use tracing::info_span;

pub fn keys(id: String) {
    let _a = info_span!("a", orderId = %id); // want: TL304
    let _b = info_span!("b", shop.order_id = %id);
    // An obsolete key of the conventions with no replacement yet is not
    // reported as deprecated.
    let _c = info_span!("c", db.cosmosdb.operation_type = "read");
    // A value's first literal is not the value.
    let _d = info_span!("d", http.request.method = "POSTS".trim_end_matches('S'));
}
