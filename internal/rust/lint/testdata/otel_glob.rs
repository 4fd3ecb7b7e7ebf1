use opentelemetry::*;

pub fn glob() {
    let _v = KeyValue::new("http.request.methd", "GET"); // want: TL301
}
