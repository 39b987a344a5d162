"""The lab reports in a real headless Chromium, in English and in Korean: the seed lab and
the committed TensorFlow Playground lab (rendered again from its snapshot).

Loads index.html through chromedriver and checks that every figure is displayed with a
non-zero size, that the page logs no console errors, that every standalone SVG file
opens as an SVG document, and that the Korean report's text is drawn with real Hangul
glyphs rather than empty boxes. Run by `make test` after the Swift tests built nnlab.
"""
import json
import os
import re
import subprocess

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NNLAB = os.environ.get('NNLAB', os.path.join(ROOT, '.build', 'debug', 'nnlab'))
HANGUL = re.compile('[\uac00-\ud7a3]')


def start_chromium(environment=None):
    """A headless Chromium; `environment` replaces chromedriver's (and so Chromium's)."""
    options = Options()
    options.binary_location = '/usr/bin/chromium'
    for argument in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                     '--window-size=1280,1024', '--allow-file-access-from-files'):
        options.add_argument(argument)
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    return webdriver.Chrome(service=Service('/usr/bin/chromedriver', env=environment), options=options)


@pytest.fixture(scope='module')
def browser():
    driver = start_chromium()
    yield driver
    driver.quit()


# Each lab with the figures its page shows.
LABS = {
    # data set, initial network and boundary, update network and boundaries,
    # four runs with a chart, a network, curves and the boundary over time each,
    # two histogram rows and the two histogram cases' activations over time
    'seed-lab': 25,
    # four data sets, initial network and boundary, update network and boundaries,
    # five runs with a chart, a network, curves and the boundary over time each, and one
    # run's two hidden layers of histograms and of activations over time
    'playground': 32,
}


def write_report(lab, language, folder):
    """The seed lab trained by `nnlab report`; the Playground lab rendered from its committed
    snapshot (training it in a debug build would take a while)."""
    if lab == 'seed-lab':
        command = [NNLAB, 'report']
    else:
        command = [NNLAB, 'render', os.path.join(ROOT, 'output', lab, 'snapshot.json')]
    subprocess.run(command + ['--quiet', '--lang', language, '--out', str(folder)], check=True)
    return folder


@pytest.fixture(scope='module', params=[(lab, language) for lab in LABS for language in ('en', 'ko')],
                ids=lambda param: f'{param[0]}-{param[1]}')
def report(request, tmp_path_factory):
    lab, language = request.param
    folder = write_report(lab, language, tmp_path_factory.mktemp(f'report-{language}') / lab)
    return lab, language, folder


def severe_logs(driver):
    return [entry for entry in driver.get_log('browser') if entry['level'] == 'SEVERE']


def test_every_figure_is_displayed_without_console_errors(browser, report):
    lab, language, folder = report
    browser.get_log('browser')
    browser.get((folder / 'index.html').as_uri())
    assert browser.find_element(By.TAG_NAME, 'html').get_attribute('lang') == language
    figures = browser.find_elements(By.CSS_SELECTOR, 'figure')
    assert len(figures) == LABS[lab]
    for figure in figures:
        svg = figure.find_element(By.CSS_SELECTOR, 'svg')
        size = svg.size
        assert size['width'] > 100 and size['height'] > 100, figure.get_attribute('id')
        assert svg.is_displayed(), figure.get_attribute('id')
    # Every inline SVG, in a figure or not (an SVG inside another is drawn by its parent).
    inline = browser.find_elements(By.CSS_SELECTOR, 'svg:not(svg svg)')
    assert len(inline) >= len(figures)
    for svg in inline:
        size = svg.size
        assert size['width'] > 0 and size['height'] > 0 and svg.is_displayed(), svg.get_attribute('id')
    assert severe_logs(browser) == []
    heading = browser.find_element(By.CSS_SELECTOR, 'section#data h2').text
    assert bool(HANGUL.search(heading)) == (language == 'ko')


@pytest.mark.parametrize('report', [('seed-lab', 'en'), ('seed-lab', 'ko')], indirect=True,
                         ids=['seed-lab-en', 'seed-lab-ko'])
def test_numbers_on_the_page_are_the_notebooks(browser, report):
    _, _, folder = report
    browser.get((folder / 'index.html').as_uri())
    text = browser.find_element(By.TAG_NAME, 'body').text
    for golden in ('0.5197', '0.5529', '0.5488', '0.5039', '0.1336', '0.2472', '0.4771', '0.4934'):
        assert golden in text


def test_final_losses_on_the_page_are_the_snapshots(browser, report):
    _, _, folder = report
    cases = json.loads((folder / 'snapshot.json').read_text(encoding='utf-8'))['cases']
    browser.get((folder / 'index.html').as_uri())
    text = browser.find_element(By.TAG_NAME, 'body').text
    for run in cases:
        for key in ('loss_train', 'loss_test'):
            assert f"{run['final'][key]:.4f}" in text, key


def test_every_standalone_svg_opens(browser, report):
    lab, _, folder = report
    files = sorted(folder.glob('figures/*.svg')) + sorted(folder.glob('graphs/*.svg'))
    # At least one file per figure on the page (a chart beside a boundary has three).
    assert len(files) >= LABS[lab]
    # The page links every one of them, and nothing else of that kind.
    browser.get((folder / 'index.html').as_uri())
    links = browser.execute_script(
        'return [...document.querySelectorAll("a[href$=\'.svg\']")].map((a) => a.getAttribute("href"));')
    assert sorted(set(links)) == sorted(str(file.relative_to(folder)) for file in files)
    for file in files:
        browser.get_log('browser')
        browser.get(file.as_uri())
        root = browser.execute_script(
            'const r = document.documentElement.getBoundingClientRect();'
            'return [document.documentElement.namespaceURI, r.width, r.height];')
        assert root[0] == 'http://www.w3.org/2000/svg', file.name
        assert root[1] > 100 and root[2] > 100, file.name
        assert severe_logs(browser) == [], file.name


# Korean on a bare machine: without a font that has Hangul, Chromium draws every syllable as
# the same empty box (the font's missing-glyph box), or nothing when it has no font at all.
# Text cannot be read back from the screen, so the check draws with the fonts the page uses:
# each font (family list, weight, style) that Hangul text on the page is set in draws two
# different syllables, 가 and 한, and U+E000, a private-use character that no font has and
# that therefore shows the missing-glyph box, onto a canvas. Real glyphs have ink, differ
# from each other and differ from that box.

FONTS_OF_HANGUL_TEXT = r"""
const hangul = /[\uAC00-\uD7A3]/;
const found = new Map();
const root = document.body || document.documentElement;
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode;
  if (!node.parentElement || !hangul.test(node.data)) continue;
  const style = getComputedStyle(node.parentElement);
  const key = [style.fontFamily, style.fontWeight, style.fontStyle].join('|');
  if (!found.has(key)) found.set(key, [style.fontFamily, style.fontWeight, style.fontStyle, node.data.trim()]);
}
return [...found.values()];
"""

DRAW_GLYPHS = r"""
const [family, weight, style, characters] = arguments;
const side = 72;
const drawn = characters.map((character) => {
  const canvas = new OffscreenCanvas(side, side);
  const context = canvas.getContext('2d');
  context.font = `${style} ${weight} 48px ${family}`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(character, side / 2, side / 2);
  const pixels = context.getImageData(0, 0, side, side).data;
  const alpha = [];
  for (let i = 3; i < pixels.length; i += 4) alpha.push(pixels[i]);
  return {font: context.font, alpha};
});
const ink = (glyph) => glyph.alpha.filter((a) => a > 0).length;
const differing = (a, b) => a.alpha.filter((v, i) => Math.abs(v - b.alpha[i]) > 64).length;
return {
  font: drawn[0].font,
  ink: drawn.map(ink),
  differing: drawn.map((a) => drawn.map((b) => differing(a, b))),
};
"""

GA, HAN, NO_GLYPH = '\uac00', '\ud55c', '\ue000'
# Pixels of a 48px glyph on a 72px canvas; a Hangul syllable has hundreds.
ENOUGH_PIXELS = 40


def hangul_glyph_problems(driver, family, weight, style):
    """Why Hangul in this font is unreadable in the loaded page: an empty list when it is fine."""
    result = driver.execute_script(DRAW_GLYPHS, family, weight, style, [GA, HAN, NO_GLYPH])
    name = f'{family} (weight {weight}, {style})'
    # A font the canvas cannot parse is silently replaced by its default: that checks nothing.
    assert family in result['font'], f'the canvas did not take the font {name}: {result["font"]}'
    ink, differing = result['ink'], result['differing']
    problems = []
    if ink[0] < ENOUGH_PIXELS or ink[1] < ENOUGH_PIXELS:
        problems.append(f'{name}: Hangul draws (almost) nothing ({ink[0]} and {ink[1]} pixels)')
    elif differing[0][1] < ENOUGH_PIXELS:
        problems.append(f'{name}: 가 and 한 draw the same glyph, an empty box')
    elif min(differing[0][2], differing[1][2]) < ENOUGH_PIXELS:
        problems.append(f'{name}: Hangul draws the missing-glyph box of U+E000')
    return problems


def fonts_of_hangul_text(driver):
    return [tuple(font) for font in driver.execute_script(FONTS_OF_HANGUL_TEXT)]


@pytest.fixture(scope='module', params=['seed-lab', 'playground'])
def korean_report(request, tmp_path_factory):
    return write_report(request.param, 'ko', tmp_path_factory.mktemp('report-ko-glyphs') / request.param)


def test_korean_text_is_drawn_with_hangul_glyphs(browser, korean_report):
    browser.get((korean_report / 'index.html').as_uri())
    fonts = {font[:3]: font[3] for font in fonts_of_hangul_text(browser)}
    # Body text, bold headings, the figures' SVG text and the diagrams' text at least.
    assert len(fonts) >= 4, fonts
    problems = [problem for font in fonts for problem in hangul_glyph_problems(browser, *font)]
    files = [file for file in sorted(korean_report.glob('figures/*.svg')) + sorted(korean_report.glob('graphs/*.svg'))
             if HANGUL.search(file.read_text(encoding='utf-8'))]
    assert len(files) >= 10
    for file in files:
        browser.get(file.as_uri())
        for font in fonts_of_hangul_text(browser):
            if font[:3] not in fonts:
                fonts[font[:3]] = font[3]
                problems += [f'{file.name}: {problem}' for problem in hangul_glyph_problems(browser, *font[:3])]
    assert problems == [], ('the Korean report is unreadable here: install a Korean font, the apt '
                            'package fonts-noto-cjk (scripts/install-prerequisites test does)')


def latin_only_fonts(folder):
    """Links to a few installed fonts that have no Hangul syllable."""
    def files(pattern):
        listed = subprocess.run(['fc-list', '--format', '%{file}\n', pattern], check=True,
                                capture_output=True, text=True).stdout
        return set(listed.split())
    latin = sorted(files(':lang=en') - files(':charset=ac00') - files(':charset=d55c'))
    assert latin, 'no font without Hangul is installed to test with'
    for index, file in enumerate(latin[:4]):
        (folder / f'{index}-{os.path.basename(file)}').symlink_to(file)
    return folder


@pytest.mark.parametrize('fonts', ['latin-only', 'none'])
def test_the_glyph_check_fails_without_a_korean_font(korean_report, tmp_path, fonts):
    """The check above is not a formality: Chromium given only Latin fonts (Hangul becomes
    empty boxes), or no font at all (Hangul becomes nothing), fails it for every font."""
    font_folder = tmp_path / 'fonts'
    font_folder.mkdir()
    if fonts == 'latin-only':
        latin_only_fonts(font_folder)
    configuration = tmp_path / 'fonts.conf'
    configuration.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f'  <dir>{font_folder}</dir>\n  <cachedir>{tmp_path / "cache"}</cachedir>\n</fontconfig>\n',
        encoding='utf-8')
    driver = start_chromium(dict(os.environ, FONTCONFIG_FILE=str(configuration)))
    try:
        driver.get((korean_report / 'index.html').as_uri())
        fonts_used = fonts_of_hangul_text(driver)
        assert len(fonts_used) >= 4
        for font in fonts_used:
            problems = hangul_glyph_problems(driver, *font[:3])
            assert len(problems) == 1, font
            expected = 'the same glyph, an empty box' if fonts == 'latin-only' else 'draws (almost) nothing'
            assert expected in problems[0], problems
        if fonts == 'latin-only':
            # Latin text still draws: the failure is Hangul's alone.
            result = driver.execute_script(DRAW_GLYPHS, fonts_used[0][0], '400', 'normal', ['A', 'g'])
            assert min(result['ink']) >= ENOUGH_PIXELS and result['differing'][0][1] >= ENOUGH_PIXELS
    finally:
        driver.quit()


SWEEP = {
    'name': 'sweep', 'title': 'Learning rate against batch size',
    'data': {'set': 'circle', 'n_obs': 60, 'noise': 0.1},
    'network': {'hidden': [4]},
    'sweep': {'learning_rate': [0.03, 0.3, 3], 'batch_size': [1, 20], 'data_seed': [1, 2], 'epochs': [2],
              'activation': ['tanh']},
}


@pytest.fixture(scope='module', params=['en', 'ko'])
def sweep_report(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f'sweep-{request.param}')
    experiment = folder / 'sweep.json'
    experiment.write_text(json.dumps(SWEEP), encoding='utf-8')
    subprocess.run([NNLAB, 'report', str(experiment), '--quiet', '--lang', request.param,
                    '--out', str(folder / 'report')], check=True)
    return request.param, folder / 'report'


def displayed_figures(driver):
    """The ids of the page's figures, each checked to be drawn with a real size."""
    ids = []
    for figure in driver.find_elements(By.CSS_SELECTOR, 'figure'):
        svg = figure.find_element(By.CSS_SELECTOR, 'svg')
        assert svg.size['width'] > 100 and svg.size['height'] > 100, figure.get_attribute('id')
        assert svg.is_displayed(), figure.get_attribute('id')
        ids.append(figure.get_attribute('id'))
    return ids


def test_sweep_page_and_every_case_page_display(browser, sweep_report):
    """The sweep's page shows its heat maps and best and worst boundaries; every link of its
    ranked table opens a case page that shows the case's figures and links back."""
    language, folder = sweep_report
    browser.get_log('browser')
    browser.get((folder / 'index.html').as_uri())
    ids = displayed_figures(browser)
    assert {'figure-sweep-test-loss', 'figure-sweep-test-accuracy', 'figure-sweep-best-and-worst'} <= set(ids)
    cells = browser.find_elements(By.CSS_SELECTOR, '#figure-sweep-test-loss g.cell')
    assert len(cells) == 6 and all(cell.is_displayed() for cell in cells)
    links = browser.execute_script(
        'return [...document.querySelectorAll("table.ranked a")].map((a) => a.href);')
    assert len(links) == 12
    for link in links:
        browser.get(link)
        assert len(displayed_figures(browser)) == 4
        back = browser.find_element(By.CSS_SELECTOR, 'header a')
        assert back.get_attribute('href') == (folder / 'index.html').as_uri() + '#sweep'
        assert bool(HANGUL.search(back.text)) == (language == 'ko')
    assert severe_logs(browser) == []
