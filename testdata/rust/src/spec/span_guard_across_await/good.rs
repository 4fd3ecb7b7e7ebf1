use tracing::{info, info_span, Instrument};

async fn reserve_stock(order_id: u64) -> u64 {
    order_id
}

pub async fn checkout(order_id: u64) {
    async {
        let reserved = reserve_stock(order_id).await;
        info!(reserved, "stock reserved");
    }
    .instrument(info_span!("checkout", order_id))
    .await
}
