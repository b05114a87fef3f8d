#pragma once
// A plain cpp-httplib server on 127.0.0.1 that tests fill with routes: the "remote site"
// that outbound fetches talk to, so no test leaves loopback.
//
//   LocalSite site;
//   site.server().Get("/job", [](auto&, auto& res) { res.set_content("<p>hi</p>", "text/html"); });
//   site.start();
//   net::fetch(site.url("/job"), policy);
//
// A handler that must hang (a slow site) waits on hold(): it returns once release() is
// called, which the destructor does, so the server always stops.
#include <doctest/doctest.h>
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace vitae::test {

class LocalSite {
  public:
    LocalSite() = default;
    LocalSite(const LocalSite&) = delete;
    LocalSite& operator=(const LocalSite&) = delete;
    ~LocalSite() {
        release();
        server_.stop();
        if (thread_.joinable())
            thread_.join();
    }

    httplib::Server& server() { return server_; }

    void start() {
        port_ = server_.bind_to_any_port("127.0.0.1");
        // Bound and listening already: connections wait in the backlog until accept runs.
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        // httplib's stop() does nothing until the accept loop has begun, so a test that ends
        // before then would wait forever in the destructor's join.
        auto bound = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!server_.is_running() && std::chrono::steady_clock::now() < bound)
            std::this_thread::yield();
        REQUIRE(server_.is_running());
    }

    int port() const { return port_; }
    // "http://127.0.0.1:<port><path>"
    std::string url(const std::string& path = "/") const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }

    // For a handler: blocks until release(), at most `bound`.
    void hold(std::chrono::seconds bound = std::chrono::seconds(30)) {
        std::unique_lock lock(mutex_);
        released_cv_.wait_for(lock, bound, [this] { return released_; });
    }
    void release() {
        {
            std::lock_guard lock(mutex_);
            released_ = true;
        }
        released_cv_.notify_all();
    }

  private:
    httplib::Server server_;
    std::thread thread_;
    int port_ = 0;
    std::mutex mutex_;
    std::condition_variable released_cv_;
    bool released_ = false;
};

}  // namespace vitae::test
