// The C++ timed waits that libstdc++'s headers turn into pthread_cond_clockwait,
// pthread_mutex_clocklock, pthread_rwlock_clock{rd,wr}lock (glibc 2.30) and the futex or
// semaphore waits of counting_semaphore, plus jthread's stop_token. Each timed wait that must
// time out is measured with steady_clock: it must take at least its timeout and less than the
// timeout plus a generous slack (the machine may be loaded); each wait that must succeed is
// woken by another thread. Prints one line per case, "ok" or what went wrong.
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <semaphore>
#include <shared_mutex>
#include <stop_token>
#include <thread>

using namespace std::chrono;
using namespace std::chrono_literals;

static int failures = 0;
static constexpr auto kTimeout = 200ms;
static constexpr auto kSlack = 2000ms;

static void report(const char* name, bool ok, steady_clock::duration elapsed, const char* what) {
  long long ms = duration_cast<milliseconds>(elapsed).count();
  if (ok) {
    std::printf("%s: ok\n", name);
  } else {
    std::printf("%s: FAILED (%s, %lld ms)\n", name, what, ms);
    ++failures;
  }
  std::fprintf(stderr, "timing %s %lld ms\n", name, ms);
}

// A wait that must time out: result false, took [timeout, timeout + slack), measured on the
// clock of its deadline (system_clock and steady_clock may run at slightly different rates).
template <typename Clock = steady_clock, typename Wait>
static void expect_timeout(const char* name, Wait wait) {
  auto start = Clock::now();
  bool acquired = wait();
  auto elapsed = Clock::now() - start;
  if (acquired)
    report(name, false, elapsed, "did not time out");
  else if (elapsed < kTimeout)
    report(name, false, elapsed, "timed out early");
  else if (elapsed >= kTimeout + kSlack)
    report(name, false, elapsed, "timed out late");
  else
    report(name, true, elapsed, "");
}

// A wait that another thread satisfies after `delay`: result true, well before its 10 s limit.
template <typename Wait>
static void expect_woken(const char* name, Wait wait) {
  auto start = steady_clock::now();
  bool acquired = wait();
  auto elapsed = steady_clock::now() - start;
  if (!acquired)
    report(name, false, elapsed, "not woken");
  else if (elapsed >= 5s)
    report(name, false, elapsed, "woken late");
  else
    report(name, true, elapsed, "");
}

int main() {
  std::mutex m;
  std::condition_variable cv;
  bool ready = false;

  expect_timeout("condition_variable::wait_for", [&] {
    std::unique_lock lock(m);
    return cv.wait_for(lock, kTimeout) == std::cv_status::no_timeout;
  });
  expect_timeout("condition_variable::wait_for(pred)", [&] {
    std::unique_lock lock(m);
    return cv.wait_for(lock, kTimeout, [&] { return ready; });
  });
  expect_timeout("condition_variable::wait_until(steady)", [&] {
    std::unique_lock lock(m);
    return cv.wait_until(lock, steady_clock::now() + kTimeout, [&] { return ready; });
  });
  expect_timeout<system_clock>("condition_variable::wait_until(system)", [&] {
    std::unique_lock lock(m);
    return cv.wait_until(lock, system_clock::now() + kTimeout, [&] { return ready; });
  });
  expect_woken("condition_variable::wait_for(pred) notified", [&] {
    std::jthread notifier([&] {
      std::this_thread::sleep_for(50ms);
      std::lock_guard lock(m);
      ready = true;
      cv.notify_one();
    });
    std::unique_lock lock(m);
    return cv.wait_for(lock, 10s, [&] { return ready; });
  });

  std::timed_mutex tm;
  {
    std::binary_semaphore held(0), done(0);
    std::jthread holder([&] {
      std::lock_guard lock(tm);
      held.release();
      done.acquire();
    });
    held.acquire();
    expect_timeout("timed_mutex::try_lock_for", [&] { return tm.try_lock_for(kTimeout); });
    expect_timeout("timed_mutex::try_lock_until(steady)",
                   [&] { return tm.try_lock_until(steady_clock::now() + kTimeout); });
    expect_timeout<system_clock>("timed_mutex::try_lock_until(system)",
                   [&] { return tm.try_lock_until(system_clock::now() + kTimeout); });
    done.release();
  }
  expect_woken("timed_mutex::try_lock_for released", [&] {
    tm.lock();
    std::jthread releaser([&] {
      std::this_thread::sleep_for(50ms);
      tm.unlock();
    });
    bool acquired = false;
    std::jthread waiter([&] {
      acquired = tm.try_lock_for(10s);
      if (acquired)
        tm.unlock();
    });
    waiter.join();
    return acquired;
  });

  std::shared_timed_mutex stm;
  {
    std::binary_semaphore held(0), done(0);
    std::jthread writer([&] {
      std::lock_guard lock(stm);
      held.release();
      done.acquire();
    });
    held.acquire();
    expect_timeout("shared_timed_mutex::try_lock_shared_for",
                   [&] { return stm.try_lock_shared_for(kTimeout); });
    expect_timeout("shared_timed_mutex::try_lock_for (writer holds)",
                   [&] { return stm.try_lock_for(kTimeout); });
    done.release();
  }
  {
    std::binary_semaphore held(0), done(0);
    std::jthread reader([&] {
      std::shared_lock lock(stm);
      held.release();
      done.acquire();
    });
    held.acquire();
    expect_timeout("shared_timed_mutex::try_lock_until (reader holds)",
                   [&] { return stm.try_lock_until(steady_clock::now() + kTimeout); });
    expect_woken("shared_timed_mutex::try_lock_shared_for (reader holds)", [&] {
      bool ok = stm.try_lock_shared_for(kTimeout);
      if (ok)
        stm.unlock_shared();
      return ok;
    });
    done.release();
  }

  std::counting_semaphore<8> sem(0);
  expect_timeout("counting_semaphore::try_acquire_for",
                 [&] { return sem.try_acquire_for(kTimeout); });
  expect_timeout<system_clock>("counting_semaphore::try_acquire_until(system)",
                 [&] { return sem.try_acquire_until(system_clock::now() + kTimeout); });
  expect_woken("counting_semaphore::try_acquire_for released", [&] {
    std::jthread releaser([&] {
      std::this_thread::sleep_for(50ms);
      sem.release(2);
    });
    return sem.try_acquire_for(10s) && sem.try_acquire_for(10s) && !sem.try_acquire();
  });

  expect_woken("jthread stop_token wakes condition_variable_any", [&] {
    std::mutex sm;
    std::condition_variable_any stop_cv;
    bool stopped_by_token = false;
    int callbacks = 0;
    std::jthread worker([&](std::stop_token token) {
      std::unique_lock lock(sm);
      // Returns false (predicate still false) once stop is requested, long before 10 s.
      bool pred = stop_cv.wait_for(lock, token, 10s, [] { return false; });
      stopped_by_token = !pred && token.stop_requested();
    });
    // Registered here and alive until the join: request_stop() runs it in this thread. (One
    // registered in the worker could be destroyed, unrun, once the worker wakes up.)
    std::stop_callback callback(worker.get_stop_token(), [&] { ++callbacks; });
    std::this_thread::sleep_for(50ms);
    worker.request_stop();
    worker.join();
    return stopped_by_token && callbacks == 1;
  });

  std::printf("failures: %d\n", failures);
  return failures == 0 ? 0 : 1;
}
