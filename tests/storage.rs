//! The storage layer under concurrent writers, on SQLite and PostgreSQL.

use outage_desk_tests::*;
use server::storage::Db;

/// A transaction that reads, then writes, while others commit meanwhile. On SQLite a deferred
/// `BEGIN` fails such a transaction with "database is locked" (SQLITE_BUSY_SNAPSHOT, which no
/// busy timeout waits out); the storage layer's write transactions must all commit.
async fn read_then_write_transactions_all_commit(app: &TestApp) -> anyhow::Result<()> {
    let db = app.state.db.clone();
    server::with_pool!(&db, |p| {
        sqlx::query("CREATE TABLE scratch_counter (n BIGINT NOT NULL)").execute(p).await?;
        sqlx::query("INSERT INTO scratch_counter (n) VALUES (0)").execute(p).await?;
    });
    let writers = 12;
    let rounds = 5;
    let mut tasks = Vec::new();
    for _ in 0..writers {
        let db: Db = db.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..rounds {
                server::with_pool!(&db, |p| {
                    let mut tx = p.begin_write().await?;
                    // the read that starts SQLite's snapshot, as a check before a change does
                    let _: i64 = sqlx::query_scalar("SELECT n FROM scratch_counter").fetch_one(&mut *tx).await?;
                    tokio::time::sleep(std::time::Duration::from_millis(2)).await;
                    sqlx::query("UPDATE scratch_counter SET n = n + 1").execute(&mut *tx).await?;
                    tx.commit().await?;
                });
            }
            Ok::<_, sqlx::Error>(())
        }));
    }
    for t in tasks {
        t.await??;
    }
    let n: i64 = server::with_pool!(&db, |p| sqlx::query_scalar("SELECT n FROM scratch_counter").fetch_one(p).await?);
    assert_eq!(n, (writers * rounds) as i64, "every transaction committed");
    Ok(())
}

on_both_backends!(read_then_write => read_then_write_transactions_all_commit);
