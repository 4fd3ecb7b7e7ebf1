// config: {attrkeys: {registries: [fixes/registry]}}
// A key renamed to one whose segments are not all words is quoted.
use tracing::info_span;

pub fn renamed(id: &str) {
    let _a = info_span!("a", orderid = %id);
    let _b = info_span!("b", shop.kind = %id);
    let _c = info_span!("c", shop.first_item = %id);
}
