"""The seed lab report in a real headless Chromium, in English and in Korean.

Loads index.html through chromedriver and checks that every figure is displayed with a
non-zero size, that the page logs no console errors, and that every standalone SVG file
opens as an SVG document. Run by `make test` after the Swift tests built nnlab.
"""
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


@pytest.fixture(scope='module')
def browser():
    options = Options()
    options.binary_location = '/usr/bin/chromium'
    for argument in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                     '--window-size=1280,1024', '--allow-file-access-from-files'):
        options.add_argument(argument)
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    driver = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope='module', params=['en', 'ko'])
def report(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f'report-{request.param}') / 'seed-lab'
    subprocess.run([NNLAB, 'report', '--quiet', '--lang', request.param, '--out', str(folder)],
                   check=True)
    return request.param, folder


def severe_logs(driver):
    return [entry for entry in driver.get_log('browser') if entry['level'] == 'SEVERE']


def test_every_figure_is_displayed_without_console_errors(browser, report):
    language, folder = report
    browser.get_log('browser')
    browser.get((folder / 'index.html').as_uri())
    assert browser.find_element(By.TAG_NAME, 'html').get_attribute('lang') == language
    figures = browser.find_elements(By.CSS_SELECTOR, 'figure')
    # data set, initial network and boundary, update network and boundaries,
    # four runs with a chart and a network each, two histogram rows
    assert len(figures) == 15
    for figure in figures:
        svg = figure.find_element(By.CSS_SELECTOR, 'svg')
        size = svg.size
        assert size['width'] > 100 and size['height'] > 100, figure.get_attribute('id')
        assert svg.is_displayed(), figure.get_attribute('id')
    assert severe_logs(browser) == []
    heading = browser.find_element(By.CSS_SELECTOR, 'section#data h2').text
    assert bool(HANGUL.search(heading)) == (language == 'ko')


def test_numbers_on_the_page_are_the_notebooks(browser, report):
    _, folder = report
    browser.get((folder / 'index.html').as_uri())
    text = browser.find_element(By.TAG_NAME, 'body').text
    for golden in ('0.5197', '0.5529', '0.5488', '0.5039', '0.1336', '0.2472', '0.4771', '0.4934'):
        assert golden in text


def test_every_standalone_svg_opens(browser, report):
    _, folder = report
    files = sorted(folder.glob('figures/*.svg')) + sorted(folder.glob('graphs/*.svg'))
    assert len(files) >= 20
    for file in files:
        browser.get_log('browser')
        browser.get(file.as_uri())
        root = browser.execute_script(
            'const r = document.documentElement.getBoundingClientRect();'
            'return [document.documentElement.namespaceURI, r.width, r.height];')
        assert root[0] == 'http://www.w3.org/2000/svg', file.name
        assert root[1] > 100 and root[2] > 100, file.name
        assert severe_logs(browser) == [], file.name
