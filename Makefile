# The README's two commands: `make run` and `make test`. Both install what they need.
JOBS ?= $(shell nproc)
BUILD ?= build
TEST_BUILD ?= build-asan
DATA_DIR ?= ./data
FUZZ_SECONDS ?= 300

.PHONY: all deps build run test bench fuzz format clean

all: build

deps:
	packaging/install-deps.sh build

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DVITAE_TESTS=OFF
	cmake --build $(BUILD) -j$(JOBS) --target vitae

run: build
	$(BUILD)/vitae serve --data-dir $(DATA_DIR)

test:
	packaging/install-deps.sh test
	cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error
	cmake -S . -B $(TEST_BUILD) -DCMAKE_BUILD_TYPE=Debug -DVITAE_SANITIZE=ON
	cmake --build $(TEST_BUILD) -j$(JOBS)
	cd $(TEST_BUILD) && ctest --output-on-failure

bench: build
	packaging/install-deps.sh bench
	cmake --build $(BUILD) -j$(JOBS) --target vitae_export_bench vitae_import_bench
	bench/run.sh $(BUILD)/vitae

# libFuzzer targets of tests/fuzz, built with clang in build-fuzz, each run FUZZ_SECONDS.
fuzz:
	packaging/install-deps.sh test
	tests/fuzz/run.sh --build build-fuzz --seconds $(FUZZ_SECONDS)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) $(TEST_BUILD) build-fuzz
