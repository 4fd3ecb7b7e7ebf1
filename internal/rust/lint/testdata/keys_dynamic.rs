// config: {enable: [TL304, TL305]}
// Keys built at run time, however they begin, and a histogram's record.
use opentelemetry::KeyValue;
use opentelemetry::metrics::Histogram;

const PREFIX: &str = "shop.";

pub fn dynamic(name: &str, v: String, histogram: &Histogram<u64>, size: u64) -> Vec<KeyValue> {
    histogram.record(size, &[]);
    vec![
        KeyValue::new("shop.".to_owned() + name, v.clone()), // want: TL305
        KeyValue::new(PREFIX.to_owned() + name, v.clone()), // want: TL305
        KeyValue::new("shop.size", v),
    ]
}
