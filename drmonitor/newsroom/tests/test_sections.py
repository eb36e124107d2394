from drmonitor.newsroom.models import SectionPage
from drmonitor.newsroom.sections import SECTION_TREE


def tree_of(parent) -> list:
    return [
        (child.title, tree_of(child))
        for child in SectionPage.objects.child_of(parent).order_by("path")
    ]


def test_fresh_site_has_the_real_sites_section_tree(home):
    assert tree_of(home) == SECTION_TREE


def test_two_sections_may_share_a_name_under_different_parents(home):
    news = SectionPage.objects.filter(title="News")
    assert sorted(s.get_parent().title for s in news) == ["DRM Exclusive", "In Media"]
