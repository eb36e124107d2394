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


def test_a_plain_section_made_before_its_type_existed_gets_it_keeping_its_pages(home, client):
    """An install made before a section had its own type (Trends Monitor) gets the type on the
    next setup, with its articles, address and id kept."""
    from drmonitor.home.install import install_site
    from drmonitor.newsroom.factories import ArticlePageFactory
    from drmonitor.newsroom.sections import SECTION_TYPES, find_section

    section = find_section(home, "trends-monitor")
    # The section as an older install has it: plain, with an article filed in it.
    section.delete()
    plain = SectionPage(title="Trends Monitor", slug="trends-monitor", show_in_menus=True)
    home.add_child(instance=plain)
    article = ArticlePageFactory(parent=plain, title="Filed here")
    install_site()
    upgraded = find_section(home, "trends-monitor")
    assert upgraded._meta.label == SECTION_TYPES["trends-monitor"]
    assert upgraded.pk == plain.pk
    assert [page.pk for page in upgraded.get_children()] == [article.pk]
    assert client.get(upgraded.url).status_code == 200
