"""The newsroom's roles and its review workflow, set up by migration on every install.

    Reporters   write articles and submit them for review, and edit only the pages they
                created and the articles whose byline credits them ("add" without "change":
                Wagtail lets an "add" holder edit what they own; newsroom's ArticlePage adds
                the byline); never the home page, sections or others' stories. Cannot
                publish, add sections, or touch settings, users or other people's images.
    Editors     everything reporters do, plus publish and schedule, approve in the workflow,
                add sections, manage authors, images, documents and recordings.
    Moderators  approve or reject what is submitted (the workflow's reviewers). Wagtail checks
                the approver's publish permission when the last approval publishes the
                page, so they hold "publish", but they cannot add or edit pages.

Every page goes through the "Editorial review" workflow: draft -> submit -> approve -> live
(or scheduled). It is assigned to the tree's root, so it covers the home page and all it holds
even on a fresh install, where the home page is created after the migrations have run.

The function takes an app registry so a migration can run it on historical models; run
again, it puts the groups back to exactly this (least privilege also means no leftovers).
"""

from __future__ import annotations

REPORTERS, EDITORS, MODERATORS = "Reporters", "Editors", "Moderators"
WORKFLOW_NAME = "Editorial review"
TASK_NAME = "Editorial approval"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin")

# Permissions on the page tree (from the root down), per group.
PAGE_PERMISSIONS = {
    REPORTERS: ["add"],  # their own pages only; no "publish"
    EDITORS: ["add", "change", "publish", "lock", "unlock"],
    # The workflow task lets them open, approve and reject submitted pages; approving publishes.
    MODERATORS: ["publish"],
}
# Images, documents and vodcast recordings (wagtailmedia, which has no "choose"), in the root
# collection ("add" also lets one edit one's own uploads).
COLLECTION_PERMISSIONS = {
    REPORTERS: {"image": ["add", "choose"], "document": ["add", "choose"], "media": ["add"]},
    EDITORS: {
        "image": ["add", "change", "choose", "delete"],
        "document": ["add", "change", "choose", "delete"],
        "media": ["add", "change", "delete"],
    },
    MODERATORS: {},
}
# Model permissions (app_label, model, actions) besides admin access.
MODEL_PERMISSIONS = {
    REPORTERS: [],
    EDITORS: [
        ("newsroom", "author", ["add", "change", "delete", "view"]),
        # Sections are the menu: editors add them, reporters add articles (desk/sections.py).
        ("newsroom", "sectionpage", ["add"]),
    ],
    MODERATORS: [],
}
COLLECTION_MODELS = {
    "image": ("wagtailimages", "image"),
    "document": ("wagtaildocs", "document"),
    "media": ("wagtailmedia", "media"),
}
REVIEWERS = [MODERATORS, EDITORS]


def _permission(apps, app_label: str, model: str, codename: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return permission


def ensure_editorial_roles(apps, schema_editor=None, kinds: tuple[str, ...] | None = None) -> None:
    """Put the groups back to the roles above; `kinds` limits the collection permissions to
    those whose app is migrated when a migration runs this (all of them by default)."""
    kinds = tuple(COLLECTION_MODELS) if kinds is None else kinds
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    groups = {}
    for name in (REPORTERS, EDITORS, MODERATORS):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group

        model_permissions = [_permission(apps, *ADMIN_ACCESS)]
        for app_label, model, actions in MODEL_PERMISSIONS[name]:
            model_permissions += [
                _permission(apps, app_label, model, f"{action}_{model}") for action in actions
            ]
        group.permissions.set(model_permissions)

        _set_page_permissions(apps, group, root)

        GroupCollectionPermission.objects.filter(group=group).delete()
        if root_collection is not None:
            for kind, actions in COLLECTION_PERMISSIONS[name].items():
                if kind not in kinds:
                    continue
                app_label, model = COLLECTION_MODELS[kind]
                for action in actions:
                    GroupCollectionPermission.objects.create(
                        group=group,
                        collection=root_collection,
                        permission=_permission(apps, app_label, model, f"{action}_{model}"),
                    )

    _ensure_workflow(apps, root, [groups[name] for name in REVIEWERS])


def _set_page_permissions(apps, group, root) -> None:
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(group=group).delete()
    if root is not None:
        for action in PAGE_PERMISSIONS[group.name]:
            GroupPagePermission.objects.create(
                group=group,
                page=root,
                permission=_permission(apps, "wagtailcore", "page", f"{action}_page"),
            )


def set_page_permissions(apps, schema_editor=None) -> None:
    """Put each role's permissions on the page tree back to PAGE_PERMISSIONS, and nothing else
    (for a migration that changes only those)."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    root = Page.objects.filter(depth=1).order_by("path").first()
    for group in Group.objects.filter(name__in=PAGE_PERMISSIONS):
        _set_page_permissions(apps, group, root)


def _ensure_workflow(apps, root, reviewers) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type)
    task.active = True
    task.save()
    task.groups.set(reviewers)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    workflow.active = True
    workflow.save()
    WorkflowTask.objects.filter(workflow=workflow).exclude(task_id=task.pk).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk, sort_order=0)

    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    # Wagtail's own starter workflow would be a second way to review; retire it when unused.
    for old in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True):
        if not WorkflowPage.objects.filter(workflow=old).exists():
            old.active = False
            old.save()


def grant_model_permissions(apps, group_name: str, app_label: str, model: str, actions) -> None:
    """Add model permissions to a role, for other apps' migrations, e.g. the tracker:

        grant_model_permissions(apps, EDITORS, "tracker", "incident", ["add", "change", "view"])

    It adds and never removes, so each app states only what its own models need.
    """
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(
        *[_permission(apps, app_label, model, f"{action}_{model}") for action in actions]
    )


def revoke_model_permissions(apps, group_name: str, app_label: str, model: str, actions) -> None:
    """Take model permissions back from a role (the opposite of `grant_model_permissions`)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.remove(
        *Permission.objects.filter(
            content_type__app_label=app_label,
            codename__in=[f"{action}_{model}" for action in actions],
        )
    )


def put_under_review(apps, app_label: str, models) -> None:
    """Reporters add and change these snippet models as drafts, moderators approve them, editors
    publish them; changes go through the "Editorial review" workflow."""
    for model in models:
        grant_model_permissions(apps, REPORTERS, app_label, model, ["add", "change", "view"])
        grant_model_permissions(apps, EDITORS, app_label, model, ["publish", "lock", "unlock"])
        grant_model_permissions(apps, MODERATORS, app_label, model, ["change", "publish", "view"])
    review_snippets(apps, app_label, models)


def review_snippets(apps, app_label: str, models) -> None:
    """Send changes to these snippet models through the "Editorial review" workflow, as pages
    go: whoever lacks their "publish" permission saves drafts and submits them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    for model in models:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


def set_collection_permissions(apps, kind: str) -> None:
    """Give the roles exactly their permissions on one kind of upload ("media", ...) in the
    root collection, for the migration of the app that brings that kind. Only that kind is
    touched: what other apps' migrations granted stays, and what the app's own migrations gave
    Wagtail's same-named default groups (wagtailmedia gives Moderators uploads) goes."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    app_label, model = COLLECTION_MODELS[kind]
    for name, kinds in COLLECTION_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        GroupCollectionPermission.objects.filter(
            group=group,
            permission__content_type__app_label=app_label,
            permission__content_type__model=model,
        ).delete()
        root_collection = Collection.objects.filter(depth=1).order_by("path").first()
        if root_collection is None:
            continue
        for action in kinds.get(kind, []):
            GroupCollectionPermission.objects.create(
                group=group,
                collection=root_collection,
                permission=_permission(apps, app_label, model, f"{action}_{model}"),
            )
