use tracing::{info, info_span};

async fn reserve_stock(order_id: u64) -> u64 {
    order_id
}

pub async fn checkout(order_id: u64) {
    let span = info_span!("checkout", order_id);
    let _guard = span.enter(); //~ await_holding_invalid_type tracelint::span_guard_across_await
    let reserved = reserve_stock(order_id).await;
    info!(reserved, "stock reserved");
}
