# What the project's test programs print when they work, wherever they were built: shared by the
# suites that build them on this host (cxx, pinning, languages) and in the newer build roots (hosts).

# tests/cxx/features.cc
set(features_expected "^iostream: 000042 ff 3\\.142 sum=31
iostream: captured cerr1
exceptions: caught deep 4 depth=4
threads: consumed=1625500 expected=1625500
thread_local: destructors ran=5 main id=-1
filesystem: \\[a\\.txt,b\\.txt,sub/,sub/c\\.txt,sub/deeper/\\] size=9 moved=1 removed=7 gone=1
random_device: distinct>1=1
chrono: steady monotonic=1 slept>=20ms=1 system after 2020=1 high_resolution>0=1
regex: alice/com,BOB/ORG replaced=a#b#c# match=1
done
?$")
# tests/cxx/app.cc with libcxxthrow.so and the plugin libcxxplugin.so
set(app_expected "^lib sees 3 values: 3 1 4
caught LibraryError: thrown in libcxxthrow\\.so code=7
caught system_error: ENOENT=1
caught rethrown: from the executable
plugin: split-plugin
plugin split: \\[alpha\\]\\[beta\\]\\[\\]\\[gamma\\]
plugin threads: total=20200 tls destructors=4
caught from plugin: plugin: on purpose code=13
done
?$")
# tests/pinning/traps.c
set(traps_expected "^memcpy ok\nstat: 0 dir=1\nfstat: 1\nfcntl: 1\ngetrandom: 1\nreallocarray: 1 overflow=1\nclock_gettime: 1\nthreads: total=4000 main_tls=0\ndlopen: 1 cos0=1.0\nerrno: 1 environ=1 stderr=1\n?$")
# examples/rust-cli (cli), run with the arguments: alpha "beta gamma"
set(rust_cli_expected "^args: \\[\"alpha\", \"beta gamma\"\\]
env: RUST_CLI_DEMO=\"value set by main\"
threads: total=2002000 from=\\[0, 1, 2, 3\\]
thread_local: destructors ran=4
fs: copied 16 bytes, entries=\\[\"a.txt\", \"b.txt\"\\], read back \"hello from rust\", removed=true
process: \"child sees X=42\" status=3 missing=Err\\(NotFound\\)
tcp: localhost resolved to 127.0.0.1, echo \"PING OVER LOOPBACK\"
panic: hook saw \"boom at depth 5\"
panic: unwinding dropped the guard 5 frames deep
panic: caught \"boom at depth 5\"
glibc: 2\\.[0-9]+
?$")
