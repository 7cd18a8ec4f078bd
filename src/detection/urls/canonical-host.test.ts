import { describe, expect, it } from "vitest";
import { canonicaliseHost, isIpHost, isPlainHost } from "./canonical-host.js";
import { parseUrlParts } from "./parse-url.js";

describe("canonicaliseHost", () => {
  it("refuses what names no host", () => {
    for (const raw of ["", "   ", ".", "*.", ":80", "exa mple.com", "a".repeat(300)]) {
      expect(canonicaliseHost(raw)).toBeNull();
    }
  });

  it("lower-cases and strips wildcard, port and trailing dots", () => {
    expect(canonicaliseHost("*.Example.COM:8080.")).toBe("example.com");
    expect(canonicaliseHost(".example.com..")).toBe("example.com");
    expect(canonicaliseHost("  Example.com ")).toBe("example.com");
  });

  it("turns IDN into punycode and normalises numeric IPv4", () => {
    expect(canonicaliseHost("Bücher.de")).toBe("xn--bcher-kva.de");
    expect(canonicaliseHost("0x7f.1")).toBe("127.0.0.1");
    expect(canonicaliseHost("8.8.8.8")).toBe("8.8.8.8");
    expect(canonicaliseHost("2001:db8::1")).toBe("[2001:db8::1]");
  });

  it("knows plain hosts and IPs", () => {
    expect(isPlainHost("a.b-c_d.com")).toBe(true);
    expect(isPlainHost("a..com")).toBe(false);
    expect(isPlainHost("1.2.3.4")).toBe(false);
    expect(isPlainHost("a.0x1f")).toBe(false);
    expect(isIpHost("1.2.3.4")).toBe(true);
    expect(isIpHost("[::1]")).toBe(true);
    expect(isIpHost("1.2.3.com")).toBe(false);
  });
});

describe("parseUrlParts", () => {
  it("returns null for inputs with no host", () => {
    for (const input of [
      "",
      "mailto:a@b.com",
      "javascript:alert(1)",
      "data:text/plain,hi",
      "http://",
      "::::",
    ]) {
      expect(parseUrlParts(input)).toBeNull();
    }
  });

  it("splits full URLs, dropping port and userinfo", () => {
    expect(parseUrlParts("HTTPS://user:pw@WWW.Example.com:8443/a/b?x=1#top")).toEqual({
      host: "www.example.com",
      isIp: false,
      path: "/a/b",
      query: "x=1",
      fragment: "top",
    });
  });

  it("accepts bare hosts, host:port and scheme-relative URLs", () => {
    expect(parseUrlParts("example.com/path?q=1")).toMatchObject({
      host: "example.com",
      path: "/path",
      query: "q=1",
    });
    expect(parseUrlParts("localhost:3000/x")).toMatchObject({ host: "localhost", path: "/x" });
    expect(parseUrlParts("//cdn.example.org")).toMatchObject({ host: "cdn.example.org", path: "/" });
    expect(parseUrlParts("example.com.")).toMatchObject({ host: "example.com" });
  });

  it("handles IPs, IPv6 and IDN through the URL parser", () => {
    expect(parseUrlParts("http://192.168.0.1:8080/")).toMatchObject({ host: "192.168.0.1", isIp: true });
    expect(parseUrlParts("http://[2001:DB8::1]/x")).toMatchObject({ host: "[2001:db8::1]", isIp: true });
    expect(parseUrlParts("https://müller.de/")).toMatchObject({ host: "xn--mller-kva.de" });
    expect(parseUrlParts("http://0x7f.0.0.1/")).toMatchObject({ host: "127.0.0.1", isIp: true });
  });

  it("does not take a backslash trick at face value", () => {
    expect(parseUrlParts("http://evil.com\\@good.com/")?.host).toBe("evil.com");
  });
});
