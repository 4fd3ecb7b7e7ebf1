// A file may reach opentelemetry by a full path only, or import only from
// another opentelemetry crate: span names are read in both.
use tracing::info;

pub fn full_path(email: String) {
    let tracer = opentelemetry::global::tracer("shop");
    let _span = tracer.start(format!("checkout {email}")); // want: TL405
    info!("started");
}
