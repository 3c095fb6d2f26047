// A small command-line program touching the parts of Rust's std that call into glibc: threads,
// thread_local! destructors, fs, process::Command, TCP on loopback, name lookup, env, args and a
// panic caught after unwinding. Every line it prints is the same on every glibc it runs on, except
// the last one, which names that glibc.
use std::cell::Cell;
use std::ffi::CStr;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream, ToSocketAddrs};
use std::os::raw::c_char;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;
use std::{env, fs, panic, thread};

extern "C" {
    fn gnu_get_libc_version() -> *const c_char;
}

static TLS_DROPS: AtomicUsize = AtomicUsize::new(0);

struct CountsDrop(Cell<u64>);
impl Drop for CountsDrop {
    fn drop(&mut self) {
        if self.0.get() > 0 {
            TLS_DROPS.fetch_add(1, Ordering::SeqCst);
        }
    }
}
thread_local! {
    static PER_THREAD: CountsDrop = const { CountsDrop(Cell::new(0)) };
}

fn threads() {
    let total = Arc::new(Mutex::new(0u64));
    let (tx, rx) = mpsc::channel();
    let handles: Vec<_> = (0..4u64)
        .map(|i| {
            let total = Arc::clone(&total);
            let tx = tx.clone();
            thread::spawn(move || {
                for k in 1..=1000u64 {
                    PER_THREAD.with(|c| c.0.set(c.0.get() + k));
                }
                let mine = PER_THREAD.with(|c| c.0.get());
                *total.lock().unwrap() += mine;
                tx.send(i).unwrap();
            })
        })
        .collect();
    drop(tx);
    for h in handles {
        h.join().unwrap();
    }
    let mut ids: Vec<u64> = rx.iter().collect();
    ids.sort();
    println!("threads: total={} from={:?}", *total.lock().unwrap(), ids);
    println!("thread_local: destructors ran={}", TLS_DROPS.load(Ordering::SeqCst));
}

fn filesystem() {
    let dir = env::temp_dir().join(format!("rust-cli-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a.txt");
    fs::write(&file, b"hello from rust\n").unwrap();
    fs::copy(&file, dir.join("b.txt")).unwrap();
    let meta = fs::metadata(dir.join("b.txt")).unwrap();
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let back = fs::read_to_string(dir.join("b.txt")).unwrap();
    fs::remove_dir_all(&dir).unwrap();
    println!(
        "fs: copied {} bytes, entries={:?}, read back {:?}, removed={}",
        meta.len(),
        names,
        back.trim_end(),
        !dir.exists()
    );
}

fn process() {
    let out = Command::new("/bin/sh")
        .arg("-c")
        .arg("echo \"child sees X=$X\"; exit 3")
        .env("X", "42")
        .output()
        .unwrap();
    let missing = Command::new("/nonexistent/program").status();
    println!(
        "process: {:?} status={} missing={:?}",
        String::from_utf8_lossy(&out.stdout).trim_end(),
        out.status.code().unwrap(),
        missing.map_err(|e| e.kind())
    );
}

fn tcp() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        let mut buf = String::new();
        s.read_to_string(&mut buf).unwrap();
        s.write_all(buf.to_uppercase().as_bytes()).unwrap();
    });
    // "localhost" goes through getaddrinfo and the runtime's NSS modules.
    let addr = ("localhost", port)
        .to_socket_addrs()
        .unwrap()
        .find(|a| a.is_ipv4())
        .unwrap();
    let mut c = TcpStream::connect_timeout(&addr, Duration::from_secs(10)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    c.write_all(b"ping over loopback").unwrap();
    c.shutdown(std::net::Shutdown::Write).unwrap();
    let mut reply = String::new();
    c.read_to_string(&mut reply).unwrap();
    server.join().unwrap();
    println!("tcp: localhost resolved to {}, echo {:?}", addr.ip(), reply);
}

struct Guard(&'static str);
impl Drop for Guard {
    fn drop(&mut self) {
        println!("panic: unwinding dropped {}", self.0);
    }
}

fn deep(n: u32) -> u32 {
    let _g = if n == 0 { Some(Guard("the guard 5 frames deep")) } else { None };
    if n == 0 {
        panic!("boom at depth 5");
    }
    deep(n - 1) + 1
}

fn panics() {
    panic::set_hook(Box::new(|info| {
        let msg = info.payload().downcast_ref::<&str>().copied().unwrap_or("?");
        println!("panic: hook saw {:?}", msg);
    }));
    let r = panic::catch_unwind(|| deep(5));
    let msg = r.unwrap_err().downcast_ref::<&str>().copied().unwrap_or("?");
    println!("panic: caught {:?}", msg);
    let _ = panic::take_hook();
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    println!("args: {:?}", args);
    env::set_var("RUST_CLI_DEMO", "value set by main");
    println!("env: RUST_CLI_DEMO={:?}", env::var("RUST_CLI_DEMO").unwrap());
    threads();
    filesystem();
    process();
    tcp();
    panics();
    let glibc = unsafe { CStr::from_ptr(gnu_get_libc_version()) };
    println!("glibc: {}", glibc.to_str().unwrap());
}
