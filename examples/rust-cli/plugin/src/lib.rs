// A cdylib with a C ABI, for a C program to dlopen. It uses std (threads, thread_local! with a
// destructor, formatting, a panic caught before it could cross the C boundary).
use std::cell::Cell;
use std::os::raw::{c_char, c_int};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::{panic, thread};

static DROPS: AtomicUsize = AtomicUsize::new(0);
struct Counter(Cell<u32>);
impl Drop for Counter {
    fn drop(&mut self) {
        DROPS.fetch_add(1, Ordering::SeqCst);
    }
}
thread_local! {
    static COUNTER: Counter = const { Counter(Cell::new(0)) };
}

/// Writes a NUL-terminated report for `n` worker threads into `out` (capacity `len`).
/// Returns the number of bytes written without the NUL, or -1 when `out` is too small.
#[no_mangle]
pub extern "C" fn rust_plugin_report(n: u32, out: *mut c_char, len: usize) -> c_int {
    let sum: u32 = (1..=n)
        .map(|i| thread::spawn(move || COUNTER.with(|c| { c.0.set(i * i); c.0.get() })))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|h| h.join().unwrap())
        .sum();
    panic::set_hook(Box::new(|_| {}));
    let caught = panic::catch_unwind(|| -> u32 { panic!("inside the plugin") });
    let _ = panic::take_hook();
    let text = format!(
        "rust plugin: squares of 1..={} sum to {}, thread_local destructors ran={}, caught panic={}",
        n,
        sum,
        DROPS.load(Ordering::SeqCst),
        caught.is_err()
    );
    if text.len() + 1 > len {
        return -1;
    }
    unsafe {
        std::ptr::copy_nonoverlapping(text.as_ptr(), out as *mut u8, text.len());
        *out.add(text.len()) = 0;
    }
    text.len() as c_int
}
