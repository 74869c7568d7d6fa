//! The executor Leptos runs its tasks on (effects, resources, reactions): wasm-bindgen-futures',
//! except while a prerendered page hydrates, when the tasks spawned wait for its end.
//!
//! Hydration may now give the main thread back between parts of the page
//! (`components::paced`). Had the effects of the parts already hydrated run in those pauses,
//! they could change a signal that a part not hydrated yet reads, which would then hydrate
//! against other data than the page was rendered with (a wrong date, a missing panel, or an
//! "unrecoverable hydration error"). Held until the end, they run where they always ran: after
//! the whole page is hydrated, in the order they were spawned, and in slices of their own
//! (`platform::idle::SLICE_MS`) rather than in one long task.

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use std::cell::RefCell;
use std::collections::VecDeque;

thread_local! {
    /// The tasks spawned while hydration is under way (`None`: not holding).
    static HELD: RefCell<Option<VecDeque<PinnedLocalFuture<()>>>> = const { RefCell::new(None) };
    /// Whether this executor is the one Leptos uses (set once, by the first `hold`).
    static INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// How many hydrations hold tasks now: they are run once the last one releases them.
    static HOLDERS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

struct StartupExecutor;

impl StartupExecutor {
    fn run(fut: PinnedLocalFuture<()>) {
        let held = HELD.with(|held| match held.borrow_mut().as_mut() {
            Some(tasks) => {
                tasks.push_back(fut);
                None
            }
            None => Some(fut),
        });
        if let Some(fut) = held {
            wasm_bindgen_futures::spawn_local(fut);
        }
    }
}

impl CustomExecutor for StartupExecutor {
    fn spawn(&self, fut: PinnedFuture<()>) {
        Self::run(fut);
    }

    fn spawn_local(&self, fut: PinnedLocalFuture<()>) {
        Self::run(fut);
    }

    fn poll_local(&self) {}
}

/// Makes this the executor Leptos uses (before it starts its own) and starts holding tasks;
/// called again (a part hydrated later, `components::deferred`), holds them again. When another
/// executor was set first, nothing is held (its tasks run as they come).
pub fn hold() {
    if INSTALLED.get() || Executor::init_local_custom_executor(StartupExecutor).is_ok() {
        INSTALLED.set(true);
        HOLDERS.set(HOLDERS.get() + 1);
        HELD.with(|held| {
            held.borrow_mut().get_or_insert_with(VecDeque::new);
        });
    }
}

/// Runs the tasks held so far, in order, a slice at a time; the tasks they spawn meanwhile join
/// the end of the queue. Returns when the queue is empty, after which tasks run at once. While
/// another hydration holds tasks (one that started meanwhile, a deferred part hydrated in
/// slices), it leaves them to that one's `release`: none may run half-way through it.
pub async fn release() {
    if !INSTALLED.get() {
        return;
    }
    HOLDERS.set(HOLDERS.get().saturating_sub(1));
    loop {
        if HOLDERS.get() > 0 {
            return;
        }
        let next = HELD.with(|held| held.borrow_mut().as_mut().and_then(VecDeque::pop_front));
        let Some(fut) = next else { break };
        wasm_bindgen_futures::spawn_local(fut);
        // A resolved promise resumes after the microtasks queued before it: the task just
        // spawned has run its first step.
        let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(
            &wasm_bindgen::JsValue::UNDEFINED,
        ))
        .await;
        if crate::platform::idle::slice_spent() {
            crate::platform::idle::yield_now().await;
        }
    }
    HELD.with(|held| *held.borrow_mut() = None);
}
