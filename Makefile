# regdesk — make run | make test (see README). Everything runs from .venv.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
BUNDLE_STAMP := $(VENV)/.installed-bundle
# the suite runs in two processes (pytest-xdist): each has its own PostgreSQL server and
# temporary folders; PYTEST_WORKERS= runs it in one
PYTEST_WORKERS ?= -n 2

QT_RUNTIME_DEBS := libgl1 libegl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3
QT_WINDOW_DEBS  := xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
                   libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
TEST_DEBS       := fonts-dejavu-core

.PHONY: run test lint deps syslibs bench screenshots translations bundle self-test clean help

help:
	@echo "make run          start regdesk (creates .venv and installs on first use)"
	@echo "make test         ruff + the whole test suite, headless"
	@echo "make deps         apt-get install the system libraries Qt and the tests need"
	@echo "make bench        performance figures (benchmarks/)"
	@echo "make screenshots  render every screen into docs/screenshots/, badges and lists into docs/"
	@echo "make translations refresh resources/translations (*.ts -> *.qm)"
	@echo "make bundle       build dist/regdesk/ (PyInstaller, one folder: regdesk, regdesk-cli)"
	@echo "make self-test    run the bundle's self-test (dist/regdesk/regdesk --self-test)"

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "regdesk needs Python 3.11 or newer; found " + sys.version.split()[0])'
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt-get install -y -qq --no-install-recommends python3-venv; } || true
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); echo "Could not create $(VENV); run: sudo apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test,postgres]'
	@touch $(STAMP)

# the system libraries Qt's wheels need (installed where that may happen without asking)
syslibs:
	@$(PYTHON) -m regdesk.system_libs --install

run: $(STAMP)
	@$(PYTHON) -m regdesk.system_libs --install --window
	$(PY) main.py $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: syslibs lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_WORKERS) $(PYTEST_ARGS)

deps:
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends \
	  python3-venv $(QT_RUNTIME_DEBS) $(QT_WINDOW_DEBS) $(TEST_DEBS)

bench: $(STAMP)
	$(PY) -m benchmarks $(ARGS)

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m ui.screenshots docs/screenshots
	$(PY) -m regdesk.badges.samples docs/badges
	$(PY) -m regdesk.exporting.samples docs/lists

$(BUNDLE_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[bundle]'
	@touch $(BUNDLE_STAMP)

bundle: syslibs $(BUNDLE_STAMP)
	@start=$$(date +%s); \
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist \
	  --workpath build/pyinstaller resources/bundle/regdesk.spec && \
	echo "dist/regdesk: $$(du -sh dist/regdesk | cut -f1), built in $$(( $$(date +%s) - start )) s"

self-test:
	dist/regdesk/regdesk --self-test

translations: $(STAMP)
	$(PY) -m ui.i18n_tools update

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache benchmarks/results build dist
