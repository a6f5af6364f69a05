"""Fictitious patient names for the demo data: many countries, accents, Greek and Cyrillic letters."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class NamePool:
    female: tuple[str, ...]
    male: tuple[str, ...]
    surnames_female: tuple[str, ...]
    surnames_male: tuple[str, ...]


def _pool(female: str, male: str, surnames: str, surnames_male: str | None = None) -> NamePool:
    """Names separated by '|'; `surnames_male` only where a surname changes with sex (Greek, Slavic)."""
    f = tuple(surnames.split("|"))
    return NamePool(
        tuple(female.split("|")), tuple(male.split("|")), f, tuple(surnames_male.split("|")) if surnames_male else f
    )


POOLS: dict[str, NamePool] = {
    "english": _pool(
        "Margaret|Dorothy|Patricia|Eileen", "George|Arthur|Kenneth|Brian", "Hughes|Whitaker|Thompson|Bennett"
    ),
    "irish": _pool("Siobhán|Máire|Bríd", "Seán|Pádraig|Ciarán", "O'Sullivan|Byrne|Kavanagh"),
    "french": _pool(
        "Élise|Geneviève|Françoise|Hélène", "François|Jérôme|André|Gérard", "Lefèvre|Fournier|Girard|Duchêne"
    ),
    "german": _pool("Käthe|Ursula|Gisela|Jutta", "Jürgen|Günter|Klaus|Dieter", "Müller|Schröder|Weiß|Böhm"),
    "spanish": _pool(
        "María José|Pilar|Begoña|Inés", "José Luis|Joaquín|Andrés|Ramón", "Núñez García|Peña|Ibáñez|Muñoz"
    ),
    "italian": _pool("Giuseppina|Lucia|Carla|Rosa", "Giovanni|Salvatore|Piero|Luigi", "Rossi|Esposito|Ferrara|Bianchi"),
    "portuguese": _pool("Conceição|Fátima|Graça", "João|Sebastião|António", "Gonçalves|Magalhães|Simões|Araújo"),
    "greek": _pool(
        "Ελένη|Μαρία|Αικατερίνη",
        "Γιώργος|Δημήτρης|Κωνσταντίνος",
        "Παπαδοπούλου|Οικονόμου|Γεωργίου",
        "Παπαδόπουλος|Οικονόμου|Γεωργίου",
    ),
    "cyrillic": _pool(
        "Галина|Людмила|Олена", "Владимир|Николай|Петро", "Иванова|Смирнова|Шевченко", "Иванов|Смирнов|Коваленко"
    ),
    "polish": _pool(
        "Zofia|Halina|Krystyna", "Stanisław|Zbigniew|Józef", "Wiśniewska|Wójcik|Kamińska", "Wiśniewski|Wójcik|Kamiński"
    ),
    "czech": _pool("Jiřina|Věra", "Jiří|Miroslav", "Dvořáková|Novotná", "Dvořák|Novotný"),
    "turkish": _pool("Ayşe|Gülşen", "Mehmet|Süleyman", "Yılmaz|Çelik|Öztürk"),
    "nordic": _pool("Åsa|Birgitta|Ingrid", "Bengt|Sven|Øystein", "Lindström|Åberg|Søderberg"),
    "dutch": _pool("Geertje|Wilhelmina", "Joost|Henk", "van den Berg|de Vries|Jansen"),
    "arabic": _pool("Fatima|Samira", "Mohammed|Karim", "Haddad|El Amrani|Benali"),
    "hungarian": _pool("Erzsébet|Ilona", "László|György", "Kovács|Szabó|Tóth"),
    "japanese": _pool("Keiko|Michiko", "Hiroshi|Takeshi", "Tanaka|Satō|Yamamoto"),
    "indian": _pool("Lakshmi|Savitri", "Rajesh|Suresh", "Iyer|Sharma|Patel"),
    "nigerian": _pool("Ngozi|Folasade", "Chukwuemeka|Babatunde", "Okafor|Adeyemi"),
}


def origins(rng: random.Random, n: int) -> list[str]:
    """n pool names, every pool used about equally often (so a few Greek and Cyrillic names in 40)."""
    keys = list(POOLS)
    out: list[str] = []
    while len(out) < n:
        batch = keys[:]
        rng.shuffle(batch)
        out += batch
    return out[:n]


def draw_name(rng: random.Random, origin: str, sex: str, used: set[str]) -> str:
    """A full name ("given surname") from the pool, not yet in `used` when the pool allows it."""
    pool = POOLS[origin]
    given, surnames = (pool.female, pool.surnames_female) if sex == "female" else (pool.male, pool.surnames_male)
    candidates = [f"{g} {s}" for g in given for s in surnames]
    fresh = [c for c in candidates if c not in used] or candidates
    name = rng.choice(fresh)
    used.add(name)
    return name
