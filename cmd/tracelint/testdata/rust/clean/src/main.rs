use tracing::info_span;

fn main() {
    let span = info_span!("startup", version = 3);
    let _guard = span.enter();
    println!("ready");
}
