from django.apps import AppConfig


class ToyConfig(AppConfig):
    """A content type defined only under tests/: policy documents (政策文件), to show that an app's declaration
    (contributions.py) is all the shared features need."""

    name = "tests.toy"
    label = "toy"
    verbose_name = "政策文件"
