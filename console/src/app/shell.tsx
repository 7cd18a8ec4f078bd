/**
 * The frame around every page of a school: header with the school switcher, the global search,
 * notifications and signing out; navigation built from `pages` (routes.tsx) filtered by the
 * person's abilities.
 */
import {
  AppShell,
  Burger,
  Button,
  Center,
  Group,
  Loader,
  NavLink,
  Select,
  Text,
  TextInput,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { Link, Navigate, Outlet, useLocation, useNavigate, useSearchParams } from "react-router";
import { authApi } from "../api/auth.js";
import { NoSchools } from "../components/no-schools.js";
import { ServerProblemBanner } from "../components/server-problem-banner.js";
import { needsSecondFactor } from "../hooks/second-factor.js";
import { useMe } from "../hooks/use-me.js";
import { useSchool } from "../hooks/use-school.js";
import { NotificationsMenu } from "./notifications-menu.js";
import { pages } from "./routes.js";

/** The shell; pages render in its `<Outlet />`. */
export function Shell() {
  const { data: me, error } = useMe();
  const { schoolId, school, can } = useSchool();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  if (error) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!me) {
    return (
      <Center h="50vh">
        <Loader aria-label="Loading Vigil" />
      </Center>
    );
  }
  if (needsSecondFactor(me.secondFactor)) return <Navigate to="/sign-in" replace />;
  if (me.schools.length === 0) return <NoSchools />;
  if (!school) return <Navigate to={`/s/${me.schools[0]!.schoolId}/dashboard`} replace />;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Open navigation" />
            <Text fw={700} size="lg" component={Link} to={`/s/${schoolId}/dashboard`} c="inherit" td="none">
              Vigil
            </Text>
            <SchoolSwitcher />
          </Group>
          <Group wrap="nowrap">
            <GlobalSearch key={schoolId} />
            <NotificationsMenu />
            <SignOutButton name={me.user.name} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label="Main">
        {pages
          .filter((page) => page.nav && can(page.ability))
          .map((page) => (
            <NavLink
              key={page.path}
              component={Link}
              to={`/s/${schoolId}/${page.path}`}
              label={page.nav}
              active={location.pathname.startsWith(`/s/${schoolId}/${page.path}`)}
              onClick={close}
            />
          ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <ServerProblemBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function SchoolSwitcher() {
  const { data: me } = useMe();
  const { schoolId } = useSchool();
  const navigate = useNavigate();
  const location = useLocation();
  if (!me || me.schools.length < 2) {
    return <Text visibleFrom="xs">{me?.schools[0]?.name}</Text>;
  }
  return (
    <Select
      aria-label="School"
      data={me.schools.map((school) => ({ value: school.schoolId, label: school.name }))}
      value={schoolId}
      allowDeselect={false}
      onChange={(value) => {
        if (value) void navigate(location.pathname.replace(`/s/${schoolId}`, `/s/${value}`));
      }}
      w={220}
    />
  );
}

function GlobalSearch() {
  const { schoolId } = useSchool();
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get("q") ?? "");
  const navigate = useNavigate();
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (text.trim()) void navigate(`/s/${schoolId}/search?q=${encodeURIComponent(text.trim())}`);
  };
  return (
    <form role="search" onSubmit={submit}>
      <TextInput
        aria-label="Search pupils, devices, alerts and addresses"
        placeholder="Search pupil, device, alert, URL"
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        w={{ base: 160, sm: 300 }}
      />
    </form>
  );
}

function SignOutButton({ name }: { name: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = async () => {
    await authApi.signOut().catch(() => undefined);
    queryClient.clear();
    void navigate("/sign-in?signedOut=1");
  };
  return (
    <Button variant="default" onClick={() => void signOut()} title={`Signed in as ${name}`}>
      Sign out
    </Button>
  );
}
