from django.apps import AppConfig


class ToyConfig(AppConfig):
    """A content type defined only under tests/: policy documents (政策文件), to show that an app's declaration
    (contributions.py) is all the shared features need: pages, navigation, search, sitemap, API, page cache,
    permissions, an e-mail kind and a periodic job."""

    name = "tests.toy"
    label = "toy"
    verbose_name = "政策文件"
