// config: {attrkeys: {registries: [../../../../testdata/service/telemetry]}, enable: [TL304]}
use tracing::info_span;
use opentelemetry::KeyValue;

pub fn registry(total: f64, id: String) {
    let _a = info_span!("a", shop.order.id = %id, shop.order.total = total);
    let _b = info_span!("b", shop.order.totl = total); // want: TL301
    let _c = info_span!("c", shop.order.amount = total); // want: TL303
    let _d = info_span!("d", shop.order.total = %total); // want: TL302
    let _e = info_span!("e", shop.payment.method = "cards"); // want: TL306
    let _f = KeyValue::new("shop.order.id", id.clone());
    let _g = KeyValue::new("shop.order.total", "12.5"); // want: TL302
    let _h = KeyValue::new("orderTotal", total); // want: TL301
}
