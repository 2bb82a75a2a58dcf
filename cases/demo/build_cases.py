#!/usr/bin/env python3
"""Build cases/demo/cases.json: the demo innovation cases of the awards system.

Standalone, stdlib only, reproducible: ``python3 cases/demo/build_cases.py``.

The 42 awarded cases of the 2005 and 2006 cycles reproduce Tables 1-4 of the seed study
(shared/seed/transforming-local-government-korea.txt) exactly. Only Gumi City and Seosan City are
named in the study; every other case is illustrative demo content ("illustrative": true).

Population snapshots: each case takes its government's registry population
(governments/data/kr_local_gov_2006_registry.csv). Where the registry populations of the chosen
governments do not add up to the study's per-tier sum, the single case marked ``adjust=True`` in that
tier absorbs the difference (the smallest change that makes the sum exact; asserted to stay within
+/-15% of the registry value) and is flagged "population_adjusted": true.
Run check_cases.py afterwards to verify every figure.
"""

import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REGISTRY = os.path.normpath(os.path.join(HERE, "..", "..", "governments", "data", "kr_local_gov_2006_registry.csv"))
OUT = os.path.join(HERE, "cases.json")

# Per-tier sums of the snapshot populations of the 42 awarded cases (study Table 1:
# cases x average population).
TIER_POPULATION_SUMS = {
    "province": 21620544,  # 6 x 3,603,424
    "metropolis": 20214855,  # 9 x 2,246,095
    "city": 4347120,  # 10 x 434,712
    "district": 2594466,  # 7 x 370,638
    "county": 608940,  # 10 x 60,894
}
MAX_ADJUST = 0.15

OBSTACLES = {
    "LR": "lack_of_resources",
    "LC": "lack_of_cooperation",
    "LG": "legal_constraint",
    "CI": "conflict_of_interest",
    "LX": "lack_of_expertise",
}
REMEDIES = {"IP": "institutional_provision", "RP": "revised_project", "IC": "induced_cooperation", "PS": "perseverance"}
PURPOSES = {"PM": "place_marketing", "SI": "service_improvement"}
CHAMPIONS = {
    "governor": ("Governor", "도지사"),
    "mayor": ("Mayor", "시장"),
    "district_mayor": ("District Mayor", "구청장"),
    "county_governor": ("County Governor", "군수"),
    "deputy_mayor": ("Deputy Mayor", "부시장"),
    "health_director": ("Director of Health and Welfare", "보건복지국장"),
}

# Units of the outcomes in Korean, as a ministry report writes them.
UNITS_KO = {
    "%": "%",
    "cases/year": "건/년",
    "persons": "명",
    "persons/year": "명/년",
    "days": "일",
    "cases": "건",
    "minutes": "분",
    "KRW million/year": "백만 원/년",
    "farms": "농가",
    "households": "가구",
    "firms": "개 기업",
    "stations": "개소",
    "hours": "시간",
    "points out of 100": "점(100점 만점)",
    "stops": "개 정류장",
    "m": "m",
    "plants": "개 사업장",
    "calls/month": "건/월",
    "visits": "회",
    "books": "권",
    "cases/month": "건/월",
    "reams/year": "연(500매)/년",
    "villages": "개 마을",
    "trips": "회",
    "wells": "개 관정",
    "groups": "개 단체",
    "km/h": "km/h",
    "contracts/year": "건/년",
    "species": "종",
    "index": "지수",
    "cameras": "대",
    "ha": "ha",
    "proposals/year": "건/년",
    "proposals": "건",
    "documents/year": "건/년",
    "trips/year": "회/년",
    "studios": "개 공방",
    "person-days/year": "인일/년",
    "matches/year": "건/년",
    "books/year": "권/년",
    "visits/month": "회/월",
    "persons/weekend": "명/주말",
    "pupils": "명",
    "products": "개 품목",
    "trees": "그루",
    "rentals": "회",
}

# How ICT was used, in Korean (written for Korean readers, not word for word), by case key.
ICT_KO = {
    "2005-gyeonggi-factory-permit-one-stop": (
        "31개 시·군 전자문서시스템과 연계한 웹 기반 인허가 포털 구축, 온라인 처리상황 조회 및 문자(SMS) 알림 제공"
    ),
    "2005-gyeongnam-water-quality-monitoring": (
        "자동측정소 원격계측 자료를 상황실로 전송하고 도 누리집에 매시간 공개, 취수장에 문자 경보 발송"
    ),
    "2005-busan-bus-information-system": (
        "버스 차내 GPS 단말기와 교통정보센터 간 무선 데이터 통신, 정류장 안내판과 인터넷·모바일 도착정보 제공"
    ),
    "2005-incheon-fez-investment-one-stop": (
        "국·영문 투자 포털을 통한 온라인 신청서 관계기관 자동 배분, 민원 처리 추적 데이터베이스 및 투자자 알림"
    ),
    "2005-gwangju-u-care-elderly-alone": (
        "가정 내 응급호출 버튼과 동작감지 센서 신호를 전화선으로 24시간 관제센터에 전송"
    ),
    "2005-ulsan-industrial-air-alerts": (
        "대기·악취 자동측정기 원격계측과 풍향·풍속 자료를 결합하여 문자 경보 발송 및 누리집 공개"
    ),
    "2005-suwon-sms-petition-tracking": "민원처리시스템과 문자 발송 시스템을 연계하고 처리상황 조회 누리집 운영",
    "2005-pohang-underground-utility-gis": (
        "기관별로 갱신하는 지하시설물 통합 지리정보시스템(GIS) 데이터베이스를 굴착 허가 처리와 연계"
    ),
    "2005-gunpo-one-card-libraries": (
        "통합 도서관리시스템 도입: 공동 소장자료 목록, 전자태그(RFID) 회원증, 온라인 예약"
    ),
    "2005-songpa-resident-parking-sharing": (
        "대기자 명단 공개, 공유 등록·요금 납부가 가능한 온라인 배정시스템과 단속용 휴대 단말기 운영"
    ),
    "2005-daedeok-paperless-office": (
        "원격 결재가 가능한 전자결재·기록관리시스템과 행정 지식 공유 게시판(내부망) 구축"
    ),
    "2005-gijang-village-disaster-warnings": (
        "기상특보와 연계한 마을 방송 원격제어 시스템 구축, 문자 경보 및 휴대전화를 이용한 긴급 방송"
    ),
    "2005-haenam-farmland-gis-payments": (
        "지적도·항공사진·현장조사 자료를 통합한 농지 지리정보시스템을 직불금 지급 데이터베이스와 연계"
    ),
    "2006-chungnam-farm-online-market": (
        "농가별 상품 소개, 온라인 결제, 택배 연동, 구매후기 관리 기능을 갖춘 전자상거래 장터 운영"
    ),
    "2006-gyeongbuk-remote-health-consultation": (
        "보건진료소에 화상회의 장비와 디지털 진단기기를 설치하고 초고속망으로 협력병원과 연결"
    ),
    "2006-jeju-groundwater-monitoring": (
        "관정 자동수위계 원격계측 자료를 지하수 통합 데이터베이스에 모아 누리집에 공개"
    ),
    "2006-incheon-integrated-signal-control": (
        "차량검지기·CCTV·중앙 신호제어·도로전광표지(VMS)를 연계한 교통신호 통합 제어"
    ),
    "2006-ulsan-contract-disclosure": "재무회계·계약관리시스템과 연계한 계약정보 공개 포털 운영",
    "2006-gumi-industrial-gis": (
        "공장용지와 기업정보를 담은 웹 기반 지리정보시스템을 구축하여 "
        "기업·투자자를 위한 온라인 원스톱 민원창구로 함께 운영"
    ),
    "2006-anyang-integrated-cctv-centre": ("경찰과 함께 쓰는 CCTV 통합관제센터 운영, 영상 저장과 열람 권한 통제"),
    "2006-gangneung-forest-fire-watch": (
        "무선망으로 연결한 원격 회전형 감시카메라와 지리정보시스템 기반 상황실 출동 지령"
    ),
    "2006-jinju-land-use-online-prereview": (
        "필지별 토지이용 정보를 누리집에 공개하고 관련 부서가 함께 쓰는 온라인 사전검토 절차 운영"
    ),
    "2006-gangseo-welfare-eligibility-check": (
        "본인 동의를 받아 국세·재산·건강보험 자료를 연계 조회하는 통합 자격 확인 화면 구축"
    ),
    "2006-gwangju-bukgu-participatory-budgeting": (
        "예산 공개·주민 제안 누리집에서 온라인 의견 제출과 투표를 받아 주민참여예산위원회 심의에 반영"
    ),
    "2006-ulsan-junggu-certificate-kiosks": "지문 인증 방식의 무인민원발급기를 행정정보 전산망과 연결하여 설치",
    "2006-ongjin-island-online-services": (
        "섬 지역 면사무소와 군 전산망 연결, 온라인 민원 신청, 여객선 운항·해상 기상정보 서비스 제공"
    ),
    "2006-yeoju-online-ceramics-market": (
        "가상 전시관, 온라인 상점, 품질인증 등록, 주문 처리 기능을 갖춘 도자기 포털 운영"
    ),
    "2006-jeungpyeong-road-name-addresses": (
        "지리정보시스템 기반 도로명주소 전자지도를 구축하여 119·택배 업체와 공유하고 군 누리집에 공개"
    ),
    "2005-gangwon-small-contract-e-procurement": "도 회계시스템과 연계한 소액계약 온라인 견적·입찰 창구 운영",
    "2005-gwanak-youth-job-matching": "구인 기업과 구직 청년이 등록하는 일자리 연결 누리집 운영 및 문자 알림",
    "2005-mokpo-parking-information": ("주차장 입출차 계수기와 도로전광표지를 연계하고 주차 가능 대수를 누리집에 공개"),
    "2006-daejeon-library-network": "도서관 통합 소장자료 검색 누리집과 공동 회원 데이터베이스 구축",
    "2006-chuncheon-food-street-online-map": "음식점이 직접 정보를 고칠 수 있는 다국어 음식점 안내 지도 누리집 운영",
    "2006-suseong-education-information-portal": (
        "학교·지역 교육프로그램 정보를 한데 모은 교육정보 포털 운영 및 전자우편 안내"
    ),
    "2007-gumi-mobile-factory-safety-inspection": "공장 등록대장에 무선으로 접속하는 현장점검용 휴대 단말기 보급",
    "2007-gangnam-petition-status-online": "민원처리시스템과 연계한 처리상황 조회 누리집 운영",
    "2007-changwon-public-bicycles": "교통카드 인식기를 갖춘 무인 대여소와 이용기록 중앙 데이터베이스 구축",
    "2007-wando-abalone-online-sales": "이력 표시 라벨과 택배 연동 기능을 갖춘 전복 온라인 상점 운영",
}


AWARDED, NOT_AWARDED, CYCLE_2007 = [], [], []


def case(
    target,
    key,
    gov,
    purpose,
    ict,
    title,
    summary,
    desc,
    started,
    champion,
    participation,
    participants,
    obstacles,
    remedies,
    outcomes,
    contact,
    ict_desc="",
    award=None,
    state=None,
    illustrative=True,
    adjust=False,
):
    cycle = int(key[:4])
    champion_en, champion_ko = CHAMPIONS[champion]
    target.append(
        {
            "key": key,
            "cycle": cycle,
            "government_code": gov,
            "title_en": title[0],
            "title_ko": title[1],
            "summary_en": summary[0],
            "summary_ko": summary[1],
            "description_en": desc[0],
            "description_ko": desc[1],
            "purpose": PURPOSES[purpose],
            "uses_ict": ict,
            "ict_description": ict_desc if ict else "",
            "ict_description_ko": ICT_KO[key] if ict and ict_desc else "",
            "population": None,  # filled from the registry below
            "population_adjusted": False,
            "started_on": started,
            "champion_en": champion_en,
            "champion_ko": champion_ko,
            "participation_level": participation,
            "participant_kinds": list(participants),
            "obstacles": [
                {"code": OBSTACLES[c], "description_en": en, "description_ko": ko} for c, en, ko in obstacles
            ],
            "remedies": [{"code": REMEDIES[c], "description_en": en, "description_ko": ko} for c, en, ko in remedies],
            "outcomes": [
                {
                    "indicator_en": ie,
                    "indicator_ko": ik,
                    "unit": u,
                    "unit_ko": UNITS_KO[u],
                    "baseline": b,
                    "result": r,
                    "evidence_en": ee,
                    "evidence_ko": ek,
                }
                for ie, ik, u, b, r, ee, ek in outcomes
            ],
            "illustrative": illustrative,
            "award_level": award,
            "contact_name": contact[0],
            "contact_email": contact[1],
            **({"state": state} if state else {}),
            "_adjust": adjust,
        }
    )


# ---------------------------------------------------------------------------------------------
# Awarded, cycle 2005 (21 cases, all illustrative)
# ---------------------------------------------------------------------------------------------
A = AWARDED

case(
    A,
    "2005-gyeonggi-factory-permit-one-stop",
    "31",
    "SI",
    True,
    award="grand",
    adjust=True,
    title=("Online One-Stop Factory Establishment Permit Service", "공장설립 인허가 온라인 원스톱 서비스"),
    summary=(
        "Gyeonggi Province linked the permit processes of its cities and counties so that a "
        "company can apply for factory establishment online and follow every review in one place.",
        "경기도는 시·군의 인허가 업무를 하나의 온라인 창구로 연결하여 기업이 공장설립 신청부터 "
        "관련 부서 협의 진행 상황까지 한 곳에서 확인할 수 있도록 하였다.",
    ),
    desc=(
        "Setting up a factory in Gyeonggi Province required separate approvals under more than a "
        "dozen laws, and applicants had to visit several offices of the city or county and the province. "
        "The province built a web-based permit portal that receives one application, distributes it "
        "electronically to every department that must give its opinion, and shows applicants the status "
        "of each review. Checklists for each permit type were published online so that companies could "
        "prepare complete documents in advance. Permit coordinators in each city and county answer "
        "follow-up questions as a single point of contact.",
        "경기도에서 공장을 설립하려면 십여 개 법률에 따른 인허가를 각각 받아야 했고, 신청인은 시·군청과 "
        "도청의 여러 부서를 직접 찾아다녀야 했다. 도는 한 번의 신청으로 관련 부서 협의가 전자적으로 동시에 "
        "진행되고 신청인이 부서별 검토 상황을 실시간으로 확인할 수 있는 인허가 포털을 구축하였다. 인허가 "
        "유형별 구비서류 점검표를 온라인에 공개하여 기업이 미리 서류를 갖출 수 있게 하였다. 시·군마다 "
        "인허가 전담 코디네이터를 두어 후속 문의를 한 창구에서 처리하도록 하였다.",
    ),
    ict_desc="Web-based permit portal linked to the electronic document systems of the 31 cities and "
    "counties, with online status tracking and SMS notices.",
    started="2003-09-01",
    champion="governor",
    participation="consult",
    participants=["private_firms", "other_governments"],
    obstacles=[
        (
            "LG",
            "Permits fell under more than a dozen separate laws, each with its own application form "
            "and review body, so a single application had no clear legal footing.",
            "공장설립 관련 인허가가 십여 개 개별 법률에 흩어져 있고 법률마다 신청서식과 협의 기관이 달라 "
            "통합 신청의 법적 근거가 불분명하였다.",
        ),
        (
            "LC",
            "City and county departments were reluctant to give up their paper procedures and to "
            "accept common processing deadlines.",
            "시·군 관련 부서들이 기존 서면 절차를 고수하고 공통 처리기한을 받아들이는 데 소극적이었다.",
        ),
    ],
    remedies=[
        (
            "IP",
            "The province amended its business support ordinance to recognise the single electronic "
            "application and to set binding deadlines for departmental consultations.",
            "도 기업지원 조례를 개정하여 전자 통합신청을 인정하고 부서 협의 처리기한을 명시하였다.",
        ),
        (
            "IC",
            "Joint workshops with city and county permit staff and the chambers of commerce agreed "
            "common checklists and the order of reviews.",
            "시·군 인허가 담당자와 상공회의소가 참여한 합동 워크숍을 열어 공통 점검표와 협의 순서를 합의하였다.",
        ),
    ],
    outcomes=[
        (
            "Average processing time for a factory establishment permit",
            "공장설립 인허가 평균 처리기간",
            "days",
            62,
            28,
            "Permit portal processing logs, 2003 compared with the first half of 2005",
            "인허가 포털 처리 기록(2003년과 2005년 상반기 비교)",
        ),
        (
            "Share of applications filed online",
            "온라인 신청 비율",
            "%",
            0,
            71,
            "Portal statistics for January to June 2005",
            "포털 통계(2005년 1~6월)",
        ),
    ],
    contact=("한승우", "seungwoo.han@example.go.kr"),
)

case(
    A,
    "2005-chungnam-mobile-rural-health-welfare",
    "34",
    "SI",
    False,
    award="merit",
    title=("Mobile Health and Welfare Service for Remote Villages", "농어촌 순회 보건복지 서비스"),
    summary=(
        "South Chungcheong Province sent teams of doctors, nurses and social workers by bus to "
        "villages far from any clinic, combining health checks with welfare counselling.",
        "충청남도는 의료기관에서 멀리 떨어진 농어촌 마을에 의사·간호사·사회복지사로 구성된 순회팀을 "
        "보내 건강검진과 복지상담을 함께 제공하였다.",
    ),
    desc=(
        "Many elderly residents of the province's farming and fishing villages lived more than an hour "
        "from the nearest clinic and rarely saw a doctor. The province converted buses into mobile clinics "
        "and scheduled monthly visits to villages without a health post, with county health centres "
        "supplying staff. Social workers on the same bus checked eligibility for livelihood benefits and "
        "home care, so that residents could settle health and welfare questions in one visit. Village "
        "heads announced the schedule and gathered residents at the village hall.",
        "충청남도 농어촌 마을의 고령 주민 상당수는 가장 가까운 의료기관까지 한 시간 이상 걸려 진료를 "
        "받기 어려웠다. 도는 버스를 이동진료 차량으로 개조하고 보건진료소가 없는 마을을 매달 찾아가도록 "
        "순회 일정을 짰으며, 시·군 보건소가 인력을 지원하였다. 같은 차량에 탄 사회복지사가 기초생활보장과 "
        "재가 돌봄 대상 여부를 상담하여 주민이 한 번의 방문으로 건강과 복지 문제를 함께 해결할 수 있게 "
        "하였다. 마을 이장이 일정을 알리고 마을회관에 주민을 모았다.",
    ),
    started="2004-03-15",
    champion="health_director",
    participation="inform",
    participants=["other_governments"],
    obstacles=[
        (
            "CI",
            "Private clinics and pharmacies in the county towns objected that free mobile care would "
            "take away their patients.",
            "읍내 개인 의원과 약국이 무료 순회진료가 환자를 빼앗아 간다며 반발하였다.",
        )
    ],
    remedies=[
        (
            "IC",
            "The province met the county medical and pharmaceutical associations, limited the buses to "
            "villages without a health post and referred patients needing treatment to local clinics.",
            "도는 시·군 의사회·약사회와 협의하여 보건진료소가 없는 마을로 순회 대상을 한정하고, 치료가 "
            "필요한 환자는 지역 의원으로 연계하기로 하였다.",
        )
    ],
    outcomes=[
        (
            "Residents examined by the mobile teams",
            "순회팀 진료 주민 수",
            "persons/year",
            None,
            18400,
            "Mobile team visit logs for 2004",
            "2004년 순회팀 방문 기록",
        ),
        (
            "Residents newly linked to welfare benefits",
            "복지급여 신규 연계 주민 수",
            "persons",
            None,
            640,
            "Referral records of the county welfare offices, 2004",
            "시·군 복지부서 연계 기록(2004년)",
        ),
    ],
    contact=("윤정희", "junghee.yoon@example.go.kr"),
)

case(
    A,
    "2005-gyeongnam-water-quality-monitoring",
    "38",
    "SI",
    True,
    award="excellence",
    title=("Real-Time Water Quality Monitoring of Nakdong River Tributaries", "낙동강 지류 실시간 수질감시망"),
    summary=(
        "South Gyeongsang Province installed automatic sensors on the tributaries of the Nakdong "
        "River and published the readings online so that pollution incidents are detected and traced quickly.",
        "경상남도는 낙동강 지류에 자동 수질측정기를 설치하고 측정값을 인터넷에 공개하여 오염사고를 "
        "신속히 발견하고 원인을 추적할 수 있게 하였다.",
    ),
    desc=(
        "Water quality in the tributaries was sampled by hand a few times a month, so illegal "
        "discharges were often noticed only after fish kills. The province installed automatic monitoring "
        "stations at key points and connected them to a control room that raises an alarm when readings "
        "exceed thresholds. Readings are published on the provincial website every hour, and downstream "
        "water intakes receive text message alerts. Inspectors use the time and place of each alarm to "
        "trace the source of a discharge.",
        "지류 수질은 한 달에 몇 차례 사람이 직접 채수하여 측정하였기 때문에 불법 방류는 물고기 폐사가 "
        "발생한 뒤에야 알려지는 경우가 많았다. 도는 주요 지점에 자동 수질측정소를 설치하고 상황실과 "
        "연결하여 기준을 넘으면 경보가 울리도록 하였다. 측정값은 매시간 도 홈페이지에 공개되고, 하류 "
        "취수장에는 문자로 경보가 전달된다. 단속반은 경보 발생 시각과 지점을 토대로 배출원을 추적한다.",
    ),
    ict_desc="Telemetry from automatic monitoring stations to a control room, hourly publication on the "
    "provincial website and SMS alerts to water intakes.",
    started="2003-05-01",
    champion="governor",
    participation="inform",
    participants=["other_governments", "experts"],
    obstacles=[
        (
            "LR",
            "Each automatic station cost far more than the environment budget allowed, so only a few "
            "could be funded at the start.",
            "자동측정소 한 곳의 설치비가 환경예산으로 감당하기 어려울 만큼 커서 초기에는 몇 곳밖에 설치할 수 없었다.",
        ),
        (
            "CI",
            "Upstream industrial towns feared that public readings would brand them as polluters, while "
            "downstream towns demanded stricter monitoring.",
            "상류 공단 지역은 측정값 공개로 오염 지역이라는 낙인이 찍힐 것을 우려하였고, 하류 지역은 더 "
            "엄격한 감시를 요구하였다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "A river basin council of upstream and downstream cities and counties and the regional "
            "environment office agreed on station sites and shared the cost.",
            "상·하류 시·군과 지방환경청이 참여한 유역협의회를 구성하여 측정소 위치를 합의하고 비용을 분담하였다.",
        )
    ],
    outcomes=[
        (
            "Automatic stations in operation",
            "운영 중인 자동측정소",
            "stations",
            2,
            14,
            "Inventory of the provincial environment department, end of 2004",
            "도 환경부서 시설 현황(2004년 말)",
        ),
        (
            "Average time to detect a discharge incident",
            "오염사고 인지 소요시간",
            "hours",
            36,
            3,
            "Incident reports of 2002 and 2004 compared",
            "2002년과 2004년 사고 보고서 비교",
        ),
    ],
    contact=("정대현", "daehyun.jung@example.go.kr"),
)

case(
    A,
    "2005-busan-bus-information-system",
    "21",
    "SI",
    True,
    award="grand",
    adjust=True,
    title=("Bus Information System with Real-Time Arrival Displays", "버스정보시스템 실시간 도착안내"),
    summary=(
        "Busan fitted its city buses with GPS terminals and installed displays at stops that show "
        "when the next bus will arrive, information also offered by phone and on the web.",
        "부산광역시는 시내버스에 GPS 단말기를 달고 정류소 안내기와 휴대전화·인터넷으로 다음 버스의 "
        "도착 시간을 알려 주었다.",
    ),
    desc=(
        "Passengers in Busan waited at stops without knowing when the next bus would come, and "
        "irregular intervals were a leading source of complaints. The city installed GPS terminals on "
        "buses and arrival displays at busy stops, all linked to a traffic information centre. The same "
        "data is offered on the city website and by mobile phone, and it lets the city monitor intervals "
        "and route deviations. Bus companies receive monthly punctuality reports that are used in "
        "evaluating route subsidies.",
        "부산 시민은 다음 버스가 언제 올지 모른 채 정류소에서 기다려야 했고, 불규칙한 배차 간격은 주요 "
        "민원 가운데 하나였다. 시는 버스에 GPS 단말기를, 이용객이 많은 정류소에 도착안내기를 설치하고 "
        "이를 교통정보센터에 연결하였다. 같은 정보를 시 홈페이지와 휴대전화로도 제공하며, 시는 이를 "
        "이용해 배차 간격과 노선 이탈을 점검한다. 버스회사에는 매달 정시성 보고서를 보내 노선 보조금 "
        "평가에 반영한다.",
    ),
    ict_desc="GPS on-board terminals, wireless data link to a traffic information centre, stop displays, "
    "web and mobile arrival information.",
    started="2003-07-01",
    champion="mayor",
    participation="consult",
    participants=["private_firms", "citizens"],
    obstacles=[
        (
            "CI",
            "Bus companies resisted terminals that would expose late and skipped runs to the city and to passengers.",
            "버스회사들은 지연·결행이 시와 승객에게 그대로 드러나는 단말기 설치에 반대하였다.",
        ),
        (
            "LR",
            "The first year's budget could not pay for displays at every stop.",
            "첫해 예산으로는 모든 정류소에 안내기를 설치할 수 없었다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "The city held route-by-route meetings with bus companies and drivers' unions and paid for "
            "the terminals itself.",
            "시는 노선별로 버스회사·운수노조와 간담회를 열고 단말기 설치비를 전액 부담하였다.",
        ),
        (
            "IP",
            "A revised subsidy rule linked part of each company's route subsidy to the punctuality "
            "measured by the system.",
            "노선 보조금 지급 기준을 개정하여 보조금 일부를 시스템으로 측정한 정시성과 연계하였다.",
        ),
    ],
    outcomes=[
        (
            "Passenger satisfaction with bus service",
            "버스 서비스 이용객 만족도",
            "points out of 100",
            58,
            74,
            "City passenger surveys of 2003 and early 2005",
            "시 이용객 설문조사(2003년, 2005년 초)",
        ),
        (
            "Stops with arrival displays",
            "도착안내기 설치 정류소",
            "stops",
            0,
            420,
            "Asset list of the traffic information centre",
            "교통정보센터 시설 목록",
        ),
    ],
    contact=("박성민", "sungmin.park@example.go.kr"),
)

case(
    A,
    "2005-incheon-fez-investment-one-stop",
    "23",
    "PM",
    True,
    award="excellence",
    title=("Online One-Stop Investment Service for the Free Economic Zone", "경제자유구역 온라인 투자 원스톱 서비스"),
    summary=(
        "Incheon created a bilingual online service through which investors in the Free Economic "
        "Zone receive information, file applications and follow permits with a single case officer.",
        "인천광역시는 경제자유구역 투자자가 한 명의 전담관을 통해 투자 정보를 받고 신청서를 내며 "
        "인허가 진행을 확인할 수 있는 영·한 온라인 서비스를 만들었다.",
    ),
    desc=(
        "Foreign investors considering Songdo, Yeongjong and Cheongna found information scattered "
        "across central agencies and city departments, mostly in Korean only. Incheon set up an English "
        "and Korean investment portal with land, incentive and permit information and an online "
        "application that is routed to all the agencies concerned. Each investor is assigned a case "
        "officer who answers questions in English and reports progress through the portal. "
        "Consultations, site visits and permit deadlines are managed in one database.",
        "송도·영종·청라 지역 투자를 검토하는 외국인 투자자는 중앙부처와 시 각 부서에 흩어진, 대부분 "
        "한국어로만 된 정보를 찾아야 했다. 인천시는 부지·인센티브·인허가 정보를 영어와 한국어로 제공하고 "
        "온라인 신청서를 관계 기관에 일괄 전달하는 투자 포털을 만들었다. 투자자마다 전담관을 지정하여 "
        "영어로 질의에 답하고 진행 상황을 포털로 알려 준다. 투자 상담, 현장 방문, 인허가 기한은 하나의 "
        "데이터베이스로 관리한다.",
    ),
    ict_desc="Bilingual investment portal with online application routing to agencies, a case-tracking "
    "database and investor notifications.",
    started="2003-10-15",
    champion="mayor",
    participation="consult",
    participants=["private_firms", "other_governments"],
    obstacles=[
        (
            "LG",
            "Many permits for foreign-invested firms were issued by central ministries under their own "
            "laws, outside the city's authority.",
            "외국인투자기업 인허가 상당수가 개별 법률에 따라 중앙부처 권한으로 되어 있어 시가 직접 처리할 수 없었다.",
        ),
        (
            "LC",
            "Central agencies were slow to accept applications forwarded electronically by the city.",
            "중앙부처들이 시가 전자적으로 전달한 신청서를 접수하는 데 소극적이었다.",
        ),
    ],
    remedies=[
        (
            "IP",
            "The city obtained delegation of selected permits under the special act on free economic "
            "zones and fixed processing deadlines in its own ordinance.",
            "경제자유구역 특별법에 따라 일부 인허가 권한을 위임받고, 시 조례에 처리 기한을 정하였다.",
        ),
        (
            "IC",
            "Liaison officers from the ministries concerned were seconded to a joint investment support desk.",
            "관계 부처 연락관을 합동 투자지원 창구에 파견받았다.",
        ),
    ],
    outcomes=[
        (
            "Investment consultations handled",
            "투자 상담 처리 건수",
            "cases/year",
            85,
            310,
            "Case-tracking database, 2003 and 2004",
            "투자 상담 관리 데이터베이스(2003년, 2004년)",
        ),
        (
            "Average permit lead time for foreign-invested firms",
            "외국인투자기업 인허가 평균 소요기간",
            "days",
            120,
            65,
            "Permit records of the zone authority",
            "경제자유구역청 인허가 기록",
        ),
    ],
    contact=("최유진", "yujin.choi@example.go.kr"),
)

case(
    A,
    "2005-daegu-wall-removal-greening",
    "22",
    "SI",
    False,
    award="excellence",
    title=("Taking Down Walls to Green Residential Streets", "담장 허물기를 통한 주거지 녹화"),
    summary=(
        "Daegu encouraged homeowners, schools and public offices to take down their walls and plant "
        "the freed space as small gardens open to the street.",
        "대구광역시는 주택·학교·공공기관의 담장을 허물고 그 자리를 거리에 열린 작은 정원으로 가꾸도록 이끌었다.",
    ),
    desc=(
        "Daegu is one of the hottest cities in Korea, and high concrete walls made its residential "
        "streets narrow, bare and unsafe. The city offered to remove walls free of charge and to plant "
        "trees and flowers in their place, starting with public offices and schools to set an example. "
        "Households that joined also gained parking space inside their lots, which eased street parking. "
        "Neighbourhood associations took over the care of the new gardens.",
        "대구는 우리나라에서 가장 더운 도시 가운데 하나이며, 높은 콘크리트 담장 때문에 주택가 골목이 좁고 "
        "삭막하며 안전하지 않았다. 시는 공공기관과 학교부터 솔선하여 담장을 허물고, 참여하는 가정의 담장을 "
        "무료로 철거한 뒤 그 자리에 나무와 꽃을 심어 주었다. 참여 가구는 대지 안에 주차 공간도 확보하여 "
        "골목 주차난이 줄었다. 새로 생긴 정원은 주민 모임이 맡아 가꾸고 있다.",
    ),
    started="2003-03-01",
    champion="mayor",
    participation="involve",
    participants=["citizens", "ngos"],
    obstacles=[
        (
            "CI",
            "Many homeowners feared theft and loss of privacy, and some neighbours objected to cars "
            "being parked inside the lot next to their house.",
            "많은 주민이 도난과 사생활 침해를 우려하였고, 일부 이웃은 옆집 대지 안에 차를 세우게 되는 데 반대하였다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Neighbourhood briefings showed finished streets, and the police agreed to add patrols in "
            "participating blocks.",
            "동네 설명회에서 완료된 골목 사례를 보여 주고, 경찰과 협의하여 참여 구역의 순찰을 늘렸다.",
        ),
        (
            "RP",
            "The project was revised to allow low hedges or see-through fences instead of complete "
            "removal where households wanted a boundary.",
            "경계가 필요하다는 가구에는 전면 철거 대신 낮은 생울타리나 투시형 울타리를 허용하도록 사업을 수정하였다.",
        ),
    ],
    outcomes=[
        (
            "Length of walls removed and planted",
            "철거·녹화된 담장 길이",
            "m",
            None,
            12600,
            "Greening project records, 2003 to 2004",
            "녹화사업 기록(2003~2004년)",
        ),
        (
            "Households taking part",
            "참여 가구 수",
            "households",
            None,
            540,
            "Application register of the city",
            "시 신청 접수 대장",
        ),
    ],
    contact=("이경숙", "kyungsook.lee@example.go.kr"),
)

case(
    A,
    "2005-gwangju-u-care-elderly-alone",
    "24",
    "SI",
    True,
    award="merit",
    title=("u-Care Emergency Safety Service for Elderly People Living Alone", "홀몸 어르신 u-케어 응급안전 서비스"),
    summary=(
        "Gwangju installed emergency buttons and activity sensors in the homes of elderly people "
        "living alone, linked to a monitoring centre and to volunteer helpers.",
        "광주광역시는 홀로 사는 어르신 가정에 응급호출기와 활동감지기를 설치하고 관제센터 및 돌봄 "
        "자원봉사자와 연결하였다.",
    ),
    desc=(
        "Cases of elderly people dying alone and being found days later raised public concern in "
        "Gwangju. The city placed emergency call buttons and motion sensors in the homes of low-income "
        "elderly people living alone and connected them to a monitoring centre open around the clock. "
        "When no movement is detected for a set time or a button is pressed, the centre calls the "
        "resident and then sends a volunteer or the emergency services. Social workers use the activity "
        "data to plan home visits.",
        "광주에서는 홀로 사는 어르신이 숨진 뒤 며칠이 지나 발견되는 일이 이어져 사회적 우려가 컸다. 시는 "
        "저소득 홀몸 어르신 가정에 응급호출 버튼과 동작감지기를 설치하고 24시간 관제센터와 연결하였다. "
        "일정 시간 움직임이 없거나 버튼이 눌리면 센터가 먼저 전화를 걸고, 응답이 없으면 자원봉사자나 "
        "119를 출동시킨다. 사회복지사는 활동 자료를 참고하여 방문 일정을 세운다.",
    ),
    ict_desc="In-home emergency buttons and motion sensors transmitting over telephone lines to a "
    "24-hour monitoring centre.",
    started="2004-02-01",
    champion="mayor",
    participation="involve",
    participants=["ngos", "citizens"],
    obstacles=[
        (
            "LR",
            "Devices and monitoring staff for several thousand households exceeded the welfare budget.",
            "수천 가구에 설치할 장비와 관제 인력 비용이 복지예산을 넘어섰다.",
        ),
        (
            "LX",
            "Welfare staff had no experience in specifying sensors or running a monitoring centre.",
            "복지 담당 공무원들은 감지기 사양을 정하거나 관제센터를 운영해 본 경험이 없었다.",
        ),
    ],
    remedies=[
        (
            "PS",
            "The welfare department kept the pilot running in one district for a full year, fixing "
            "false alarms until the results justified expansion.",
            "복지부서는 한 개 구에서 1년 동안 시범사업을 이어 가며 오경보 문제를 고쳐 확대의 근거를 만들었다.",
        )
    ],
    outcomes=[
        (
            "Households covered",
            "서비스 대상 가구",
            "households",
            0,
            2300,
            "Register of the monitoring centre, end of 2004",
            "관제센터 등록 현황(2004년 말)",
        ),
        (
            "Emergencies answered within 30 minutes",
            "30분 이내 대응한 응급 상황",
            "cases",
            None,
            57,
            "Incident log of the monitoring centre, 2004",
            "관제센터 상황일지(2004년)",
        ),
    ],
    contact=("김미란", "miran.kim@example.go.kr"),
)

case(
    A,
    "2005-ulsan-industrial-air-alerts",
    "26",
    "SI",
    True,
    award="merit",
    title=("Industrial Complex Air Quality and Odour Alert Service", "산업단지 대기질·악취 경보 서비스"),
    summary=(
        "Ulsan connected monitoring stations around its petrochemical complexes to an alert service "
        "that warns nearby residents by text message and tells inspectors which plants to check.",
        "울산광역시는 석유화학단지 주변 측정소를 경보 서비스와 연결하여 인근 주민에게 문자로 알리고 "
        "단속반이 점검할 사업장을 찾도록 하였다.",
    ),
    desc=(
        "Residents living next to Ulsan's petrochemical and non-ferrous metal complexes complained of "
        "odours and gas leaks that were gone by the time inspectors arrived. The city installed automatic "
        "air and odour monitors along the boundaries of the complexes and linked them to a situation room. "
        "When levels rise, registered residents and nearby plants are alerted by text message, and "
        "inspectors are sent out with wind data that points to the likely sources. Monthly readings are "
        "published on the city website.",
        "울산의 석유화학·비철금속 단지 인근 주민들은 악취와 가스 누출을 호소하였지만, 단속반이 도착할 "
        "무렵이면 이미 사라진 경우가 많았다. 시는 단지 경계를 따라 대기·악취 자동측정기를 설치하고 "
        "상황실과 연결하였다. 농도가 높아지면 등록 주민과 인근 사업장에 문자로 알리고, 풍향 자료로 배출 "
        "가능성이 높은 사업장을 찾아 단속반을 보낸다. 월별 측정 결과는 시 홈페이지에 공개한다.",
    ),
    ict_desc="Automatic air and odour monitors with telemetry, wind data, SMS alerts and web publication.",
    started="2003-11-01",
    champion="mayor",
    participation="consult",
    participants=["citizens", "private_firms"],
    obstacles=[
        (
            "CI",
            "Plant operators objected that public alerts would blame them without proof, while "
            "residents distrusted company data.",
            "사업장들은 근거 없이 책임을 떠안게 된다며 경보 공개에 반대하였고, 주민들은 기업이 내놓는 "
            "자료를 믿지 않았다.",
        ),
        (
            "LG",
            "Environmental law did not oblige firms to share continuous monitoring data, so the city "
            "could not require it.",
            "관련 환경 법령에 기업의 연속측정 자료 공유 의무가 없어 시가 이를 강제할 수 없었다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "A consultative body of residents, firms and the city agreed on alert thresholds and joint inspections.",
            "주민·기업·시가 참여한 협의체에서 경보 기준과 합동 점검 방식을 합의하였다.",
        ),
        (
            "IP",
            "Voluntary environmental agreements signed with 48 plants committed them to share data and "
            "to respond to alerts.",
            "48개 사업장과 자율환경협약을 맺어 자료 공유와 경보 대응을 약속받았다.",
        ),
    ],
    outcomes=[
        (
            "Odour complaints",
            "악취 민원 건수",
            "cases/year",
            1260,
            740,
            "City complaint records, 2003 and 2004",
            "시 민원 기록(2003년, 2004년)",
        ),
        (
            "Plants in voluntary agreements",
            "자율환경협약 체결 사업장",
            "plants",
            0,
            48,
            "Register of agreements",
            "협약 체결 대장",
        ),
    ],
    contact=("오민호", "minho.oh@example.go.kr"),
)

case(
    A,
    "2005-suwon-sms-petition-tracking",
    "31010",
    "SI",
    True,
    award="excellence",
    title=("Civil Petition Progress Notices by Mobile Phone", "민원처리 진행상황 휴대전화 알림"),
    summary=(
        "Suwon sends applicants a text message at each stage of their petition, from receipt to "
        "completion, so they no longer need to call or visit to ask.",
        "수원시는 민원 접수부터 처리 완료까지 단계마다 신청인에게 문자메시지를 보내 전화나 방문으로 "
        "문의하지 않아도 되게 하였다.",
    ),
    desc=(
        "A large share of calls to Suwon City Hall came from citizens asking how far their applications "
        "had progressed. The city linked its civil petition system to a text messaging service that tells "
        "applicants automatically when a petition is received, assigned, delayed or completed, with the "
        "name of the responsible officer. Citizens can also check the status on the city website with "
        "their receipt number. Delays are reported to section chiefs, which pushed departments to keep "
        "their deadlines.",
        "수원시청에 걸려 오는 전화 가운데 상당수는 민원이 어디까지 처리되었는지 묻는 전화였다. 시는 "
        "민원처리 시스템과 문자 발송 서비스를 연결하여 접수·담당자 지정·지연·완료 때마다 담당 공무원 "
        "이름과 함께 신청인에게 자동으로 알리도록 하였다. 시민은 접수번호로 시 홈페이지에서도 진행 상황을 "
        "확인할 수 있다. 처리가 늦어지면 과장에게 보고되어 부서들이 처리기한을 지키게 되었다.",
    ),
    ict_desc="Integration of the civil petition processing system with an SMS gateway and a web status page.",
    started="2004-01-10",
    champion="mayor",
    participation="inform",
    participants=["citizens"],
    obstacles=[
        (
            "LX",
            "The petition system had been built by an outside vendor, and staff did not know how to "
            "connect it to a messaging service.",
            "민원처리 시스템을 외부 업체가 구축하여 직원들이 문자 서비스와 연계하는 방법을 알지 못하였다.",
        ),
        (
            "LR",
            "Messaging fees for hundreds of thousands of notices a year were not in the budget.",
            "연간 수십만 건에 이르는 문자 발송 비용이 예산에 반영되어 있지 않았다.",
        ),
    ],
    remedies=[
        (
            "PS",
            "The information team wrote the interface itself over several months rather than wait for a new contract.",
            "정보화 담당 부서가 새 계약을 기다리지 않고 몇 달에 걸쳐 연계 프로그램을 직접 개발하였다.",
        ),
        (
            "RP",
            "Notices were first limited to receipt and completion, and the other stages were added once "
            "the cost per message fell.",
            "처음에는 접수와 완료 알림만 보내고, 건당 발송 비용이 낮아진 뒤 나머지 단계를 추가하도록 "
            "사업을 조정하였다.",
        ),
    ],
    outcomes=[
        (
            "Phone enquiries about petition status",
            "민원 진행 문의 전화",
            "calls/month",
            5200,
            1900,
            "Call centre logs, 2003 and 2004",
            "콜센터 통화 기록(2003년, 2004년)",
        ),
        (
            "Petitions completed within the legal deadline",
            "법정 기한 내 처리 민원 비율",
            "%",
            88.5,
            97.2,
            "Reports of the petition system",
            "민원처리 시스템 통계",
        ),
    ],
    contact=("강지혜", "jihye.kang@example.go.kr"),
)

case(
    A,
    "2005-jeonju-one-stop-welfare-desk",
    "35010",
    "SI",
    False,
    award="merit",
    title=("One-Stop Welfare Desk at Neighbourhood Offices", "동 주민센터 원스톱 복지창구"),
    summary=(
        "Jeonju placed trained welfare officers at neighbourhood offices so that residents can apply "
        "for every welfare programme at one desk.",
        "전주시는 동 주민센터에 전문 복지 담당자를 배치하여 주민이 모든 복지 서비스를 한 창구에서 "
        "신청할 수 있게 하였다.",
    ),
    desc=(
        "Welfare programmes in Jeonju were run by several departments, and residents in need were sent "
        "from desk to desk and between city hall and the neighbourhood office. The city reorganised the "
        "neighbourhood offices so that one welfare desk receives every application, checks eligibility "
        "for all programmes and follows up. Staff were moved from administrative posts to welfare duties "
        "and retrained. Difficult cases are discussed at a monthly case conference with the city's "
        "welfare departments and private agencies.",
        "전주시의 복지사업은 여러 부서가 나누어 맡고 있어 도움이 필요한 주민이 시청과 동사무소를 오가며 "
        "이 창구 저 창구를 찾아다녀야 했다. 시는 동 주민센터를 재편하여 한 복지창구가 모든 신청을 받고 "
        "여러 사업의 자격을 함께 확인하며 사후 관리까지 맡도록 하였다. 행정 업무를 하던 직원을 복지 "
        "담당으로 재배치하고 다시 교육하였다. 어려운 사례는 매달 시 복지부서와 민간 복지기관이 함께하는 "
        "사례회의에서 다룬다.",
    ),
    started="2004-05-01",
    champion="mayor",
    participation="consult",
    participants=["ngos", "citizens"],
    obstacles=[
        (
            "LC",
            "City departments were unwilling to hand over the intake of applications for their own programmes.",
            "시 각 부서가 소관 사업의 신청 접수 업무를 넘기려 하지 않았다.",
        ),
        (
            "LX",
            "Neighbourhood staff did not know the eligibility rules of dozens of programmes.",
            "동 직원들이 수십 가지 복지사업의 자격 기준을 잘 알지 못하였다.",
        ),
    ],
    remedies=[
        (
            "IP",
            "A revised organisational regulation moved intake to the neighbourhood welfare desk and "
            "defined the supporting role of each department.",
            "직제 규칙을 개정하여 신청 접수를 동 복지창구로 옮기고 각 부서의 지원 역할을 명시하였다.",
        ),
        (
            "IC",
            "Joint training by department heads and private welfare agencies prepared desk staff and "
            "built working relations.",
            "부서장과 민간 복지기관이 함께하는 합동 교육으로 창구 직원의 역량을 높이고 협력 관계를 만들었다.",
        ),
    ],
    outcomes=[
        (
            "Average visits needed to complete a welfare application",
            "복지 신청 완료까지 평균 방문 횟수",
            "visits",
            3.4,
            1.3,
            "Sample survey of applicants, 2003 and 2004",
            "신청인 표본 조사(2003년, 2004년)",
        ),
        (
            "Residents newly connected to services",
            "신규 서비스 연계 주민",
            "persons",
            None,
            1150,
            "Case conference records, 2004",
            "사례회의 기록(2004년)",
        ),
    ],
    contact=("문선영", "sunyoung.moon@example.go.kr"),
)

case(
    A,
    "2005-pohang-underground-utility-gis",
    "37010",
    "SI",
    True,
    award="merit",
    title=("Integrated GIS of Underground Utilities", "지하시설물 통합 지리정보시스템"),
    summary=(
        "Pohang mapped water, sewer, gas, power and telecom lines in one GIS shared with the utility "
        "companies to prevent accidents during road works.",
        "포항시는 상하수도·가스·전력·통신 지하시설물을 하나의 지리정보시스템에 담아 공급기관과 "
        "공유함으로써 도로 굴착 사고를 줄였다.",
    ),
    desc=(
        "Road works in Pohang regularly damaged gas and water pipes because each utility kept its own "
        "paper drawings. The city surveyed underground facilities and built an integrated GIS in which "
        "each utility updates its own layer. Excavation permits are now checked against the map, and "
        "contractors receive printouts of the lines at their site. The data also supports leak detection "
        "and the planning of sewer maintenance.",
        "포항에서는 공급기관마다 종이 도면을 따로 관리하여 도로공사 중 가스관과 상수도관이 파손되는 일이 "
        "잦았다. 시는 지하시설물을 조사하여 통합 지리정보시스템을 구축하고 각 기관이 자기 시설물 도면을 "
        "직접 갱신하도록 하였다. 굴착 허가는 이 지도를 확인한 뒤 내주며, 시공업체에는 현장의 매설물 도면을 "
        "출력해 준다. 이 자료는 누수 탐지와 하수도 정비 계획에도 활용된다.",
    ),
    ict_desc="GIS database of underground facilities with layers maintained by each utility, linked to "
    "excavation permit processing.",
    started="2002-06-01",
    champion="deputy_mayor",
    participation="none",
    participants=["private_firms", "other_governments"],
    obstacles=[
        (
            "LC",
            "Gas, power and telecom companies were reluctant to hand over facility data they regarded as confidential.",
            "가스·전력·통신 회사들이 보안을 이유로 시설물 자료 제공을 꺼렸다.",
        ),
        (
            "LR",
            "Surveying the existing lines was expensive and could only be funded in stages.",
            "기존 매설물 조사 비용이 커서 단계적으로만 예산을 확보할 수 있었다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "Agreements with each utility set rules for access to the data and divided the survey costs.",
            "공급기관별로 협약을 맺어 자료 열람 규칙을 정하고 조사 비용을 분담하였다.",
        ),
        (
            "PS",
            "The city kept surveying area by area over three years until the whole urban area was covered.",
            "시는 3년에 걸쳐 구역별 조사를 이어 가 도심 전역을 완성하였다.",
        ),
    ],
    outcomes=[
        (
            "Utility damage accidents during road works",
            "도로공사 중 매설물 파손 사고",
            "cases/year",
            47,
            12,
            "Fire service and utility reports, 2002 and 2004",
            "소방서 및 공급기관 보고(2002년, 2004년)",
        )
    ],
    contact=("배준호", "junho.bae@example.go.kr"),
)

case(
    A,
    "2005-gunpo-one-card-libraries",
    "31160",
    "SI",
    True,
    award="merit",
    title=("One Card for All Public Libraries with Online Reservation", "공공도서관 통합회원카드와 온라인 예약"),
    summary=(
        "Gunpo joined its public and small neighbourhood libraries into one catalogue with a single "
        "membership card, online reservation and returns at any branch.",
        "군포시는 공공도서관과 작은도서관의 장서를 하나의 목록으로 묶고 통합회원카드로 어디서나 "
        "예약·대출·반납할 수 있게 하였다.",
    ),
    desc=(
        "Each library in Gunpo had its own membership and catalogue, so residents could not find or "
        "borrow a book held by another library. The city merged the catalogues, issued one membership card "
        "valid in every library and added online reservation with delivery to the nearest library. Books "
        "can be returned at any branch or at unattended return boxes near subway stations. Loan data now "
        "guides the city's book purchases.",
        "군포시 도서관들은 회원과 목록을 각자 관리하여 주민이 다른 도서관에 있는 책을 찾거나 빌릴 수 "
        "없었다. 시는 장서 목록을 통합하고 모든 도서관에서 쓸 수 있는 통합회원카드를 발급하였으며, "
        "온라인으로 예약하면 가까운 도서관으로 책을 보내 주는 서비스를 더하였다. 책은 어느 도서관에서나, "
        "또 전철역 근처 무인 반납함에서도 반납할 수 있다. 대출 자료는 시의 도서 구입 계획에 활용된다.",
    ),
    ict_desc="Integrated library management system with a shared catalogue, RFID membership cards and "
    "online reservation.",
    started="2004-03-02",
    champion="mayor",
    participation="consult",
    participants=["citizens"],
    obstacles=[
        (
            "LX",
            "Library staff had no experience in migrating catalogue data between different systems.",
            "도서관 직원들은 서로 다른 시스템 사이에 목록 자료를 옮겨 본 경험이 없었다.",
        )
    ],
    remedies=[
        (
            "PS",
            "Librarians re-checked tens of thousands of records by hand over many months until the "
            "merged catalogue was clean.",
            "사서들이 여러 달에 걸쳐 수만 건의 목록을 직접 대조하여 통합 목록을 바로잡았다.",
        )
    ],
    outcomes=[
        (
            "Annual loans per resident",
            "주민 1인당 연간 대출 권수",
            "books",
            1.6,
            2.9,
            "Library system statistics, 2003 and 2004",
            "도서관 시스템 통계(2003년, 2004년)",
        )
    ],
    contact=("서은주", "eunju.seo@example.go.kr"),
)

case(
    A,
    "2005-geoje-foreign-worker-support",
    "38090",
    "SI",
    False,
    award="merit",
    title=("Support Centre for Foreign Shipyard Workers and Their Families", "조선소 외국인 근로자·가족 지원센터"),
    summary=(
        "Geoje opened a centre offering counselling, Korean classes and help with daily life to the "
        "growing number of foreign workers at its shipyards.",
        "거제시는 조선소에서 일하는 외국인 근로자가 늘어나자 상담·한국어 교육·생활 지원을 제공하는 센터를 열었다.",
    ),
    desc=(
        "The shipbuilding boom brought thousands of foreign workers and engineers to Geoje, many of whom "
        "struggled with language, medical care and paperwork. The city opened a support centre offering "
        "interpretation, counselling on wages and residence, Korean classes on weekday evenings and "
        "Sundays, and free health checks with local hospitals. Volunteers from the shipyards and churches "
        "help run the programmes. A quarterly meeting with the shipyards and the labour office resolves "
        "recurring problems.",
        "조선업 호황으로 수천 명의 외국인 근로자와 기술자가 거제에 들어왔지만, 이들 상당수는 언어·의료·"
        "행정 절차에서 어려움을 겪었다. 시는 지원센터를 열어 통역, 임금·체류 상담, 평일 저녁과 일요일 "
        "한국어 교실, 지역 병원과 연계한 무료 건강검진을 제공하였다. 조선소와 교회의 자원봉사자들이 "
        "프로그램 운영을 돕는다. 분기마다 조선소·노동사무소와 회의를 열어 되풀이되는 문제를 해결한다.",
    ),
    started="2004-04-01",
    champion="mayor",
    participation="involve",
    participants=["private_firms", "ngos"],
    obstacles=[
        (
            "LX",
            "The city had no staff who spoke the workers' languages or knew the immigration and labour rules.",
            "시에는 근로자들의 언어를 하거나 출입국·노동 관련 규정을 아는 직원이 없었다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Shipyards and churches provided interpreters and volunteers, and the labour office sent a "
            "counsellor once a week.",
            "조선소와 교회가 통역과 자원봉사자를 지원하고, 노동사무소가 매주 한 차례 상담원을 보냈다.",
        ),
        (
            "PS",
            "The centre kept its evening and Sunday hours through the first year despite low attendance, "
            "until word spread among the workers.",
            "초기 참여가 저조했지만 근로자들 사이에 입소문이 날 때까지 첫해 내내 저녁·일요일 운영을 이어 갔다.",
        ),
    ],
    outcomes=[
        ("Counselling cases", "상담 건수", "cases/year", None, 2100, "Centre records, 2004", "센터 운영 기록(2004년)"),
        (
            "Korean class completions",
            "한국어 교실 수료자",
            "persons",
            None,
            380,
            "Centre records, 2004",
            "센터 운영 기록(2004년)",
        ),
    ],
    contact=("조현수", "hyunsoo.cho@example.go.kr"),
)

case(
    A,
    "2005-songpa-resident-parking-sharing",
    "11240",
    "SI",
    True,
    award="excellence",
    title=("Online Resident Priority Parking and Daytime Sharing", "거주자 우선주차 온라인 배정과 낮 시간 공유"),
    summary=(
        "Songpa-gu moved the allocation of resident priority parking online and let residents share "
        "their spaces with visitors during working hours.",
        "송파구는 거주자 우선주차 배정을 온라인으로 전환하고, 근무 시간대에는 주민의 주차면을 방문객과 "
        "나누어 쓸 수 있게 하였다.",
    ),
    desc=(
        "Residential streets in Songpa-gu were crowded with parked cars, while resident priority spaces "
        "stood empty during the day. The district moved applications and allocation online with public "
        "waiting lists and scores, ending suspicions of favouritism. Residents who leave during the day "
        "can register their space for sharing, and visitors pay a fee on the website or by phone, part of "
        "which is credited to the resident. Enforcement staff check shared spaces with hand-held terminals.",
        "송파구 주택가 골목은 주차 차량으로 붐볐지만 거주자 우선주차면은 낮 동안 비어 있는 경우가 많았다. "
        "구는 신청과 배정을 온라인으로 옮기고 대기 순번과 점수를 공개하여 특혜 시비를 없앴다. 낮에 차를 "
        "빼는 주민은 자기 주차면을 공유 등록할 수 있고, 방문객은 홈페이지나 전화로 요금을 내며 그 일부가 "
        "주민에게 돌아간다. 단속 요원은 휴대용 단말기로 공유 주차면을 확인한다.",
    ),
    ict_desc="Online allocation system with public waiting lists, sharing registration and payment, and "
    "hand-held enforcement terminals.",
    started="2004-02-16",
    champion="district_mayor",
    participation="consult",
    participants=["citizens"],
    obstacles=[
        (
            "CI",
            "Residents holding spaces opposed sharing them with strangers, while those on the waiting "
            "list demanded faster allocation.",
            "주차면을 배정받은 주민은 낯선 사람과의 공유에 반대하였고, 대기 중인 주민은 더 빠른 배정을 요구하였다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Neighbourhood meetings agreed on sharing hours and credits for space holders, and sharing "
            "was left voluntary.",
            "동네 회의에서 공유 시간과 배정자에 대한 보상을 합의하고 공유는 자율 참여로 하였다.",
        )
    ],
    outcomes=[
        (
            "Daytime occupancy of resident spaces",
            "거주자 주차면 낮 시간 이용률",
            "%",
            41,
            68,
            "Field counts in sample blocks, 2003 and 2004",
            "표본 구역 현장 조사(2003년, 2004년)",
        ),
        (
            "Illegal parking complaints",
            "불법주차 민원",
            "cases/month",
            930,
            610,
            "District complaint records",
            "구 민원 기록",
        ),
    ],
    contact=("임하늘", "haneul.lim@example.go.kr"),
)

case(
    A,
    "2005-sasang-industrial-area-environment",
    "21150",
    "SI",
    False,
    award="merit",
    title=("Firms and Residents Improving the Sasang Industrial Area", "기업과 주민이 함께하는 사상공단 환경개선"),
    summary=(
        "Sasang-gu brought factories and residents together to clean up streets, plant buffer zones "
        "and cut odours around its old industrial area.",
        "사상구는 공장과 주민이 함께 노후 공단 주변의 거리를 정비하고 완충녹지를 조성하며 악취를 줄이도록 하였다.",
    ),
    desc=(
        "Sasang-gu contains one of Busan's oldest industrial areas, with small factories next to housing "
        "and frequent complaints about dust, odours and trucks. The district formed block councils in which "
        "factory owners and residents agreed on specific improvements for each block. Firms adopted the "
        "streets in front of their plants, planted buffer strips and changed truck routes and hours, while "
        "the district repaved roads and added street trees. Progress was reviewed block by block every quarter.",
        "사상구에는 부산에서 가장 오래된 공단 가운데 하나가 있어 소규모 공장이 주택가와 맞붙어 있고 "
        "먼지·악취·화물차에 관한 민원이 잦았다. 구는 공장 대표와 주민이 함께하는 구역 협의회를 만들어 "
        "구역별 개선 과제를 합의하였다. 기업은 공장 앞 도로를 맡아 관리하고 완충녹지를 조성하며 화물차 "
        "운행 경로와 시간을 바꾸었고, 구는 도로를 재포장하고 가로수를 심었다. 진행 상황은 분기마다 "
        "구역별로 점검하였다.",
    ),
    started="2003-06-01",
    champion="district_mayor",
    participation="collaborate",
    participants=["citizens", "private_firms"],
    obstacles=[
        (
            "CI",
            "Residents demanded that polluting factories move out, while owners feared costly "
            "requirements and pressure to relocate.",
            "주민들은 오염 공장의 이전을 요구하였고, 공장주들은 비용 부담과 이전 압박을 우려하였다.",
        )
    ],
    remedies=[
        (
            "IC",
            "The block councils replaced confrontation with concrete, affordable commitments that both "
            "sides monitored together.",
            "구역 협의회를 통해 대립 대신 감당할 수 있는 구체적 약속을 정하고 양측이 함께 점검하였다.",
        )
    ],
    outcomes=[
        (
            "Environmental complaints from residents",
            "주민 환경 민원",
            "cases/year",
            820,
            450,
            "District complaint records, 2003 and 2004",
            "구 민원 기록(2003년, 2004년)",
        ),
        (
            "Firms adopting streets",
            "도로 관리 참여 기업",
            "firms",
            0,
            126,
            "Register of the block councils",
            "구역 협의회 참여 대장",
        ),
    ],
    contact=("하지훈", "jihoon.ha@example.go.kr"),
)

case(
    A,
    "2005-daedeok-paperless-office",
    "25050",
    "SI",
    True,
    award="merit",
    title=(
        "Paperless Office with Electronic Approval and a Shared Knowledge Base",
        "전자결재와 지식 공유로 종이 없는 행정",
    ),
    summary=(
        "Daedeok-gu moved internal approval, reporting and filing online and built a shared knowledge "
        "base of work manuals.",
        "대덕구는 내부 결재·보고·문서 보관을 전자화하고 업무 매뉴얼을 모은 지식 공유 시스템을 만들었다.",
    ),
    desc=(
        "Most internal documents in Daedeok-gu still circulated on paper, and approvals waited for the "
        "signatures of managers who were often out of the office. The district made electronic approval "
        "mandatory for all internal documents, allowed approval from the field and filed documents "
        "electronically. Staff wrote manuals and case notes for their duties into a shared knowledge base "
        "so that successors could learn quickly. Meetings use shared electronic documents instead of "
        "printed handouts.",
        "대덕구의 내부 문서 대부분은 여전히 종이로 오갔고, 결재는 자리를 비우는 일이 잦은 관리자의 서명을 "
        "기다려야 했다. 구는 모든 내부 문서의 전자결재를 의무화하고 현장에서도 결재할 수 있게 하였으며 "
        "문서를 전자적으로 보관하였다. 직원들은 담당 업무의 매뉴얼과 처리 사례를 지식 공유 시스템에 올려 "
        "후임자가 빨리 익힐 수 있게 하였다. 회의는 인쇄물 대신 공유 전자문서로 진행한다.",
    ),
    ict_desc="Electronic approval and records system with remote approval, and an intranet knowledge base.",
    started="2004-01-05",
    champion="district_mayor",
    participation="none",
    participants=[],
    obstacles=[
        (
            "CI",
            "Senior managers and some staff resisted losing paper-based control, and the union worried "
            "that the system would be used to monitor individuals.",
            "일부 간부와 직원은 종이 결재의 통제력을 잃는 데 반발하였고, 노조는 시스템이 개인 감시에 "
            "쓰일 것을 우려하였다.",
        )
    ],
    remedies=[
        (
            "PS",
            "The district mayor stopped signing paper documents from a set date and kept to the rule "
            "until electronic approval became routine.",
            "구청장이 정해진 날부터 종이 문서 결재를 하지 않고, 전자결재가 자리 잡을 때까지 이 원칙을 지켰다.",
        )
    ],
    outcomes=[
        (
            "Share of internal documents approved electronically",
            "전자결재 비율",
            "%",
            35,
            98,
            "Records system statistics, 2003 and 2004",
            "문서관리 시스템 통계(2003년, 2004년)",
        ),
        (
            "Paper purchased",
            "종이 구매량",
            "reams/year",
            9800,
            4100,
            "Procurement records, 2003 and 2004",
            "구매 기록(2003년, 2004년)",
        ),
    ],
    contact=("남궁희", "hee.namgung@example.go.kr"),
)

case(
    A,
    "2005-gijang-village-disaster-warnings",
    "21310",
    "SI",
    True,
    award="merit",
    title=("Automatic Disaster Warning Broadcasts for Fishing Villages", "어촌 마을 자동 재난경보 방송"),
    summary=(
        "Gijang-gun linked loudspeakers in its coastal villages to an automatic warning system so that "
        "typhoon and storm surge warnings reach residents and fishers within minutes.",
        "기장군은 해안 마을 확성기를 자동 경보 시스템과 연결하여 태풍·해일 특보가 몇 분 안에 주민과 "
        "어민에게 전달되게 하였다.",
    ),
    desc=(
        "Coastal villages in Gijang-gun relied on village heads to relay warnings by telephone and "
        "loudspeaker, which could take hours at night. After the typhoon of 2003 the county installed "
        "remotely controlled loudspeakers in every fishing village and linked them to weather warnings and "
        "to text messages for registered fishers. Officials can broadcast from the county office, or by "
        "mobile phone during power cuts. Drills are held with village residents before each typhoon season.",
        "기장군 해안 마을은 이장이 전화와 마을 방송으로 경보를 전달하였기 때문에 밤에는 몇 시간씩 걸리기도 "
        "하였다. 2003년 태풍 피해 이후 군은 모든 어촌 마을에 원격 제어 확성기를 설치하고 기상특보 및 등록 "
        "어민 문자 발송과 연결하였다. 담당 공무원은 군청에서, 정전 때에는 휴대전화로도 방송할 수 있다. "
        "태풍철 전에는 마을 주민과 함께 훈련을 한다.",
    ),
    ict_desc="Remote-controlled village loudspeakers linked to weather warnings, SMS alerts and "
    "broadcasting by mobile phone.",
    started="2003-10-01",
    champion="county_governor",
    participation="inform",
    participants=["citizens", "other_governments"],
    obstacles=[
        (
            "LR",
            "The county's own budget could not cover equipment for every village at once.",
            "군 자체 예산으로는 모든 마을의 장비를 한꺼번에 마련할 수 없었다.",
        ),
        (
            "LC",
            "The fisheries cooperative and the coast guard used separate radio systems and were slow to "
            "agree on who sends which alert.",
            "수협과 해양경찰이 각각 다른 무선망을 쓰고 있어 누가 어떤 경보를 보낼지 합의가 더디었다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "A joint protocol with the fisheries cooperative, the coast guard and the weather office set "
            "roles, and the cooperative shared its fishers' contact list.",
            "수협·해양경찰·기상대와 공동 운영 규약을 정해 역할을 나누고, 수협이 어민 연락처를 제공하였다.",
        ),
        (
            "PS",
            "The county installed equipment village by village over two budget years.",
            "군은 두 해 예산에 걸쳐 마을별로 장비를 설치해 나갔다.",
        ),
    ],
    outcomes=[
        (
            "Time to relay a warning to all villages",
            "전 마을 경보 전달 시간",
            "minutes",
            120,
            5,
            "Drill records, 2003 and 2004",
            "훈련 기록(2003년, 2004년)",
        )
    ],
    contact=("손영길", "younggil.son@example.go.kr"),
)

case(
    A,
    "2005-inje-leisure-sports-ecotourism",
    "32390",
    "PM",
    False,
    award="excellence",
    title=("Inje Leisure Sports and Ecotourism Villages", "인제 레포츠·생태관광 마을"),
    summary=(
        "Inje-gun turned the Naerin River and its mountains into a year-round destination for rafting, "
        "trekking and eco-tours run together with residents.",
        "인제군은 내린천과 주변 산을 래프팅·트레킹·생태탐방을 즐길 수 있는 사계절 관광지로 만들고 "
        "주민과 함께 운영하였다.",
    ),
    desc=(
        "Inje-gun is a mountainous county with a shrinking population and few jobs outside farming and "
        "the military. The county developed rafting on the Naerin River, trekking routes and village "
        "eco-tours, trained residents as guides and set safety standards for operators. A joint booking "
        "office for village lodgings and operators spread visitors across the villages. Monitoring of the "
        "river environment was made a condition of operating licences.",
        "인제군은 산간 지역으로 인구가 줄고 농업과 군부대 외에는 일자리가 적었다. 군은 내린천 래프팅, "
        "트레킹 코스, 마을 생태탐방을 개발하고 주민을 안내자로 교육하였으며 업체의 안전 기준을 마련하였다. "
        "마을 민박과 업체를 묶은 공동 예약 창구를 두어 방문객이 여러 마을로 고루 퍼지게 하였다. 하천 환경 "
        "모니터링을 영업 허가 조건으로 삼았다.",
    ),
    started="2002-05-01",
    champion="county_governor",
    participation="involve",
    participants=["citizens", "private_firms", "ngos"],
    obstacles=[
        (
            "CI",
            "Environmental groups and some residents opposed commercial rafting, while operators "
            "competed for the best launch points.",
            "환경단체와 일부 주민은 상업적 래프팅에 반대하였고, 업체들은 좋은 출발 지점을 차지하려고 경쟁하였다.",
        ),
        (
            "LG",
            "Commercial leisure use of the river needed permits under river and water supply laws that "
            "had no category for rafting.",
            "하천을 상업적 레저 용도로 쓰려면 하천·수도 관련 법령상 허가가 필요했지만 래프팅에 해당하는 규정이 없었다.",
        ),
    ],
    remedies=[
        (
            "IP",
            "The county enacted an ordinance on river leisure activities setting zones, operating hours, "
            "safety rules and a river care charge.",
            "군은 하천 레저 조례를 제정하여 이용 구역·운영 시간·안전 수칙과 하천 관리 부담금을 정하였다.",
        ),
        (
            "IC",
            "A council of operators, residents and environmental groups allocated launch points and "
            "agreed on the monitoring programme.",
            "업체·주민·환경단체 협의회에서 출발 지점을 배분하고 모니터링 계획을 합의하였다.",
        ),
    ],
    outcomes=[
        (
            "Visitors",
            "방문객 수",
            "persons/year",
            310000,
            560000,
            "County tourism statistics, 2002 and 2004",
            "군 관광 통계(2002년, 2004년)",
        ),
        (
            "Residents working as certified guides",
            "인증 안내자로 일하는 주민",
            "persons",
            0,
            85,
            "Guide certification register",
            "안내자 인증 대장",
        ),
    ],
    contact=("강민석", "minseok.kang@example.go.kr"),
)

case(
    A,
    "2005-eumseong-village-care-neighbours",
    "33370",
    "SI",
    False,
    award="merit",
    title=("Village Care Neighbours for Elderly Residents", "어르신 돌봄 마을 이웃 지킴이"),
    summary=(
        "Eumseong-gun trained residents in each village to visit elderly neighbours regularly and to "
        "connect them with health and welfare services.",
        "음성군은 마을마다 주민 지킴이를 교육하여 이웃 어르신을 정기적으로 찾아보고 보건·복지 서비스와 "
        "연결하게 하였다.",
    ),
    desc=(
        "More than a fifth of Eumseong-gun's rural residents were over 65, and the county's few social "
        "workers could not visit them all. The county recruited and trained one or two care neighbours in "
        "each village, often members of the women's association, to visit elderly residents every week. "
        "Care neighbours report health problems, broken heating or skipped meals to the township office, "
        "which arranges help from the health centre or welfare agencies. Monthly meetings keep the "
        "volunteers motivated and informed.",
        "음성군 농촌 주민의 5분의 1 이상이 65세 이상이었지만 소수의 사회복지 공무원으로는 모두를 찾아볼 "
        "수 없었다. 군은 마을마다 부녀회원 등 주민 한두 명을 돌봄 지킴이로 뽑아 교육하고 매주 어르신을 "
        "방문하게 하였다. 지킴이가 건강 문제나 난방 고장, 끼니 거르기 등을 읍·면사무소에 알리면 보건소나 "
        "복지기관이 도움을 연결한다. 매달 모임을 열어 자원봉사자의 의욕을 북돋우고 정보를 나눈다.",
    ),
    started="2004-04-01",
    champion="county_governor",
    participation="involve",
    participants=["citizens", "ngos"],
    obstacles=[
        (
            "LC",
            "Village heads and township staff doubted the value of the scheme and were slow to recruit volunteers.",
            "이장과 읍·면 직원들이 사업의 효과를 의심하여 자원봉사자 모집에 소극적이었다.",
        )
    ],
    remedies=[
        (
            "IC",
            "The county presented early cases at township meetings and honoured active villages at the "
            "county festival.",
            "군은 읍·면 회의에서 초기 사례를 소개하고, 활동이 활발한 마을을 군민 축제에서 표창하였다.",
        )
    ],
    outcomes=[
        (
            "Villages with care neighbours",
            "돌봄 지킴이가 있는 마을",
            "villages",
            0,
            212,
            "County register, end of 2004",
            "군 등록 현황(2004년 말)",
        ),
        (
            "Elderly residents visited weekly",
            "매주 방문받는 어르신",
            "persons",
            None,
            1900,
            "Township reports, end of 2004",
            "읍·면 보고(2004년 말)",
        ),
    ],
    contact=("류선희", "sunhee.ryu@example.go.kr"),
)

case(
    A,
    "2005-sunchang-gochujang-brand",
    "35360",
    "PM",
    False,
    award="merit",
    title=("Sunchang Traditional Gochujang Village and Quality Brand", "순창 전통고추장 마을과 품질 인증 브랜드"),
    summary=(
        "Sunchang-gun gathered traditional red pepper paste makers in one village, certified their "
        "quality and marketed them under a common county brand.",
        "순창군은 전통 고추장 제조인을 한 마을에 모으고 품질을 인증하여 군 공동 브랜드로 판매하였다.",
    ),
    desc=(
        "Sunchang is famous for gochujang, but large factories sold paste under the Sunchang name while "
        "small traditional makers struggled. The county supported a traditional gochujang village, set "
        "quality standards for ingredients and fermentation, and allowed only certified makers to use the "
        "county brand. Visitors can take part in making paste and buy directly from the families. A local "
        "research institute helps makers with hygiene and product development.",
        "순창은 고추장으로 유명하지만 대형 공장이 순창이라는 이름으로 제품을 팔고 소규모 전통 제조인은 "
        "어려움을 겪었다. 군은 전통고추장 마을을 지원하고 원료와 숙성에 관한 품질 기준을 만들어 인증받은 "
        "제조인만 군 브랜드를 쓰게 하였다. 방문객은 고추장 담그기를 체험하고 제조 가정에서 직접 살 수 있다. "
        "지역 연구소가 제조인의 위생 관리와 제품 개발을 돕는다.",
    ),
    started="2002-03-01",
    champion="county_governor",
    participation="involve",
    participants=["citizens", "private_firms", "experts"],
    obstacles=[
        (
            "CI",
            "Traditional makers and factory producers disagreed over who could sell their paste as Sunchang gochujang.",
            "전통 제조인과 공장 생산자가 누가 순창 고추장이라는 이름으로 팔 수 있는지를 두고 대립하였다.",
        )
    ],
    remedies=[
        (
            "IP",
            "A county ordinance created the brand certification with published standards and an "
            "independent inspection panel.",
            "군 조례로 품질 기준을 공개한 브랜드 인증제와 독립 심사위원회를 만들었다.",
        ),
        (
            "IC",
            "Both kinds of producers sat on the standards committee, and factories were offered a "
            "separate certified product line.",
            "두 유형의 생산자가 모두 기준위원회에 참여하였고, 공장에는 별도 인증 품목을 두었다.",
        ),
    ],
    outcomes=[
        (
            "Sales of certified makers",
            "인증 제조인 매출",
            "KRW million/year",
            4200,
            7900,
            "Sales survey of the brand committee, 2002 and 2004",
            "브랜드위원회 매출 조사(2002년, 2004년)",
        ),
        (
            "Visitors to the gochujang village",
            "고추장마을 방문객",
            "persons/year",
            None,
            230000,
            "Village visitor counts, 2004",
            "마을 방문객 집계(2004년)",
        ),
    ],
    contact=("양은정", "eunjung.yang@example.go.kr"),
)

case(
    A,
    "2005-haenam-farmland-gis-payments",
    "36400",
    "SI",
    True,
    award="merit",
    title=("GIS-Based Farmland Register for Direct Payments", "지리정보 기반 농지 관리와 직불금 지급"),
    summary=(
        "Haenam-gun matched farmland parcels with aerial photographs in a GIS to calculate direct "
        "payments to farmers accurately and quickly.",
        "해남군은 농지 필지를 항공사진과 대조한 지리정보시스템으로 농가 직불금을 정확하고 빠르게 산정하였다.",
    ),
    desc=(
        "Haenam-gun has more farmland than any other county in Korea, and direct payments to farmers "
        "were calculated from paper registers that often disagreed with actual use. The county overlaid "
        "cadastral maps with aerial photographs and field checks to build a farmland GIS. Payment "
        "applications are now checked against the map, and farmers can see their registered parcels at "
        "the township office. Disputes are settled by field visits based on the map.",
        "해남군은 전국에서 농지가 가장 넓은 군이지만 농가 직불금은 실제 이용과 맞지 않는 경우가 많은 종이 "
        "대장으로 산정되었다. 군은 지적도와 항공사진, 현지 확인 자료를 겹쳐 농지 지리정보시스템을 만들었다. "
        "이제 직불금 신청은 지도와 대조하여 확인하며, 농가는 읍·면사무소에서 등록된 필지를 직접 볼 수 있다. "
        "이의가 있으면 지도를 근거로 현장 확인을 거쳐 해결한다.",
    ),
    ict_desc="Farmland GIS combining cadastral maps, aerial photographs and field survey data, linked to "
    "the payment database.",
    started="2003-04-01",
    champion="county_governor",
    participation="inform",
    participants=["citizens", "experts"],
    obstacles=[
        (
            "LX",
            "Staff had no GIS skills and could not interpret aerial photographs.",
            "직원들에게 지리정보 활용 능력이 없었고 항공사진을 판독할 줄 몰랐다.",
        ),
        (
            "CI",
            "Farmers whose registered area shrank on the map disputed the results, and tenants and "
            "landowners quarrelled over who should receive the payments.",
            "지도상 면적이 줄어든 농가가 결과에 이의를 제기하였고, 임차농과 지주가 누가 직불금을 받을지를 "
            "두고 다투었다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "Township briefings and joint field checks with farmer representatives settled the disputed parcels.",
            "읍·면 설명회와 농민 대표가 참여한 합동 현장 확인으로 이견이 있는 필지를 정리하였다.",
        )
    ],
    outcomes=[
        (
            "Payment errors found in audits",
            "감사에서 발견된 지급 오류",
            "cases",
            310,
            42,
            "Provincial audits, 2003 and 2004",
            "도 감사 결과(2003년, 2004년)",
        ),
        (
            "Days to complete the payment calculation",
            "직불금 산정 소요 기간",
            "days",
            75,
            30,
            "Records of the county agriculture office",
            "군 농정부서 기록",
        ),
    ],
    contact=("정순례", "soonrye.jung@example.go.kr"),
)
# ---------------------------------------------------------------------------------------------
# Awarded, cycle 2006 (21 cases; Gumi and Seosan are the two cases the study describes)
# ---------------------------------------------------------------------------------------------

case(
    A,
    "2006-chungnam-farm-online-market",
    "34",
    "PM",
    True,
    award="excellence",
    title=("Provincial Online Market for Farm and Fishery Products", "도 농수산물 통합 온라인 장터"),
    summary=(
        "South Chungcheong Province opened an online market where farmers sell directly to consumers "
        "under a common provincial brand backed by quality checks.",
        "충청남도는 농어민이 도 공동 브랜드와 품질 검사를 바탕으로 소비자에게 직접 판매하는 온라인 장터를 열었다.",
    ),
    desc=(
        "Small farmers in the province depended on wholesale markets and middlemen and received a small "
        "share of the retail price. The province opened an online market under a common brand, with pages "
        "for individual farms and a central quality inspection for registered products. Farmers were "
        "trained in taking photographs, packing and answering customers, and a courier contract lowered "
        "delivery costs. Consumer reviews and repeat orders are monitored, and poorly rated sellers are "
        "removed.",
        "충남의 소농들은 도매시장과 중간상인에 의존하여 소비자 가격 가운데 작은 몫만 받았다. 도는 공동 "
        "브랜드로 온라인 장터를 열어 농가별 상품 페이지를 만들고 등록 상품의 품질을 한 곳에서 검사하였다. "
        "농가에는 사진 촬영과 포장, 고객 응대 교육을 하고, 택배 계약으로 배송비를 낮추었다. 소비자 후기와 "
        "재구매를 살펴 평가가 나쁜 판매자는 퇴출한다.",
    ),
    ict_desc="E-commerce platform with farm pages, online payment, courier integration and review monitoring.",
    started="2005-03-02",
    champion="governor",
    participation="involve",
    participants=["citizens", "private_firms"],
    obstacles=[
        (
            "CI",
            "Agricultural cooperatives and wholesalers saw the market as competition and discouraged "
            "their members from joining.",
            "농협과 도매상인들은 장터를 경쟁자로 보고 조합원의 참여를 만류하였다.",
        ),
        (
            "LX",
            "Most farmers had never sold online and lacked computer skills.",
            "대부분의 농가가 온라인 판매 경험이 없고 컴퓨터 활용 능력이 부족하였다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "Cooperatives were invited to sell their packaged products in the market and to run the "
            "training for their members.",
            "농협이 포장 상품을 장터에서 팔고 조합원 교육을 맡도록 참여시켰다.",
        ),
        (
            "RP",
            "In its first year the market was narrowed to seasonal core products instead of the full range.",
            "첫해에는 전 품목 대신 제철 주력 품목으로 범위를 좁혀 운영하였다.",
        ),
    ],
    outcomes=[
        (
            "Online sales",
            "온라인 매출",
            "KRW million/year",
            0,
            3800,
            "Sales records of the platform, 2005",
            "장터 매출 기록(2005년)",
        ),
        (
            "Registered farms",
            "등록 농가",
            "farms",
            0,
            640,
            "Platform register, end of 2005",
            "장터 등록 현황(2005년 말)",
        ),
    ],
    contact=("홍성진", "sungjin.hong@example.go.kr"),
)

case(
    A,
    "2006-gyeongbuk-remote-health-consultation",
    "37",
    "SI",
    True,
    award="excellence",
    title=("Video Health Consultation for Islands and Mountain Villages", "도서·산간 마을 화상 원격 건강상담"),
    summary=(
        "North Gyeongsang Province linked rural health posts, including those on Ulleung Island, to "
        "doctors in city hospitals for video consultations.",
        "경상북도는 울릉도를 비롯한 농어촌 보건진료소와 도시 병원 의사를 화상으로 연결하여 원격 건강상담을 제공하였다.",
    ),
    desc=(
        "Residents of remote villages and of Ulleung Island often waited days or travelled by ferry to "
        "see a specialist. The province equipped rural health posts with video conferencing and digital "
        "diagnostic devices and linked them to partner hospitals. The nurse at the post examines the "
        "patient while a hospital doctor advises by video, and urgent cases are arranged for transfer. "
        "A record of each consultation is kept at the post for follow-up.",
        "오지 마을과 울릉도 주민은 전문의를 만나려면 며칠씩 기다리거나 배를 타고 나가야 했다. 도는 농어촌 "
        "보건진료소에 화상회의 장비와 디지털 진단기기를 갖추고 협력 병원과 연결하였다. 보건진료소 간호사가 "
        "환자를 살피는 동안 병원 의사가 화상으로 조언하며, 응급한 경우에는 이송을 준비한다. 상담 기록은 "
        "진료소에 보관하여 사후 관리에 활용한다.",
    ),
    ict_desc="Video conferencing and digital diagnostic devices at health posts, linked to partner "
    "hospitals over broadband.",
    started="2005-04-01",
    champion="governor",
    participation="inform",
    participants=["experts", "other_governments"],
    obstacles=[
        (
            "LG",
            "The Medical Service Act did not allow doctors to treat patients remotely, so the service "
            "risked being unlawful.",
            "의료법상 원격 진료가 허용되지 않아 사업이 위법이 될 소지가 있었다.",
        ),
        (
            "LR",
            "Equipment and broadband connections for dozens of health posts were costly.",
            "수십 곳 보건진료소의 장비와 통신망 비용이 컸다.",
        ),
    ],
    remedies=[
        (
            "RP",
            "The service was redesigned as a consultation between doctor and nurse, which the law "
            "permits, with prescriptions still issued in person.",
            "법이 허용하는 의사와 간호사 사이의 원격 자문 방식으로 사업을 바꾸고, 처방은 대면으로 하도록 하였다.",
        )
    ],
    outcomes=[
        (
            "Video consultations",
            "화상 상담 건수",
            "cases/year",
            None,
            3400,
            "Health post logs, 2005",
            "보건진료소 기록(2005년)",
        ),
        (
            "Trips to mainland hospitals avoided",
            "육지 병원 방문을 대신한 건수",
            "trips",
            None,
            780,
            "Estimated from consultation records, 2005",
            "상담 기록으로 추정(2005년)",
        ),
    ],
    contact=("권태윤", "taeyoon.kwon@example.go.kr"),
)

case(
    A,
    "2006-jeju-groundwater-monitoring",
    "39",
    "SI",
    True,
    award="merit",
    title=("Real-Time Groundwater Monitoring and Public Disclosure", "지하수 실시간 관측과 정보 공개"),
    summary=(
        "Jeju installed automatic gauges on wells across the island to track groundwater levels and "
        "salinity, and published the data online.",
        "제주는 섬 전역의 관정에 자동 관측기를 설치하여 지하수 수위와 염분을 추적하고 자료를 인터넷에 공개하였다.",
    ),
    desc=(
        "Jeju depends almost entirely on groundwater, and rising extraction by hotels, farms and water "
        "bottlers threatened seawater intrusion along the coast. The province installed automatic gauges "
        "measuring water level, salinity and extraction on observation and production wells and brought "
        "the data into one database. Readings are published on the website, and permits for new wells are "
        "reviewed against the local trend. Hydrogeologists review the data every quarter and recommend "
        "extraction limits by area.",
        "제주는 물을 거의 전적으로 지하수에 의존하는데, 호텔·농가·먹는샘물 업체의 취수가 늘면서 해안 "
        "지역의 해수 침투가 우려되었다. 도는 관측정과 생산정에 수위·염분·취수량을 재는 자동 관측기를 "
        "설치하고 자료를 하나의 데이터베이스로 모았다. 측정값은 홈페이지에 공개하고, 새 관정 허가는 해당 "
        "지역 추세를 보고 심사한다. 수문지질 전문가들이 분기마다 자료를 검토하여 지역별 취수 한도를 "
        "권고한다.",
    ),
    ict_desc="Automatic well gauges with telemetry, a central groundwater database and web publication.",
    started="2004-06-01",
    champion="governor",
    participation="inform",
    participants=["experts"],
    obstacles=[
        (
            "LX",
            "Few staff could interpret hydrogeological data or maintain the gauges.",
            "수문지질 자료를 해석하거나 관측기를 유지·관리할 수 있는 직원이 거의 없었다.",
        )
    ],
    remedies=[
        (
            "PS",
            "The water resources team trained staff on the job and kept fixing gauge failures until "
            "the network ran reliably.",
            "수자원 담당 부서가 현장 교육으로 직원을 키우고 관측기 고장을 계속 바로잡아 관측망을 안정화하였다.",
        )
    ],
    outcomes=[
        (
            "Wells with automatic gauges",
            "자동 관측 관정",
            "wells",
            18,
            120,
            "Inventory of the groundwater database, 2004 and 2005",
            "지하수 데이터베이스 현황(2004년, 2005년)",
        )
    ],
    contact=("고은비", "eunbi.ko@example.go.kr"),
)

case(
    A,
    "2006-busan-adopt-a-stream",
    "21",
    "SI",
    False,
    award="merit",
    title=("Citizens Adopt a Stream", "시민이 가꾸는 도심 하천 입양"),
    summary=(
        "Busan invited schools, firms and neighbourhood groups to adopt sections of urban streams, "
        "cleaning and watching over them alongside the city's restoration works.",
        "부산광역시는 학교·기업·주민 모임이 도심 하천 구간을 입양하여 시의 복원 사업과 함께 정화하고 "
        "감시하도록 하였다.",
    ),
    desc=(
        "Several of Busan's urban streams had been covered over or lined with concrete and were dirty "
        "and smelly. As the city restored them, it invited schools, companies and neighbourhood groups to "
        "adopt sections, pick up litter, report illegal discharges and run nature classes. Adopters "
        "receive signboards, equipment and training in simple water testing. District offices coordinate "
        "the adopters and act on their reports.",
        "부산의 도심 하천 여러 곳은 복개되거나 콘크리트로 덮여 더럽고 악취가 났다. 시는 하천을 복원하면서 "
        "학교·기업·주민 모임이 구간을 입양하여 쓰레기를 줍고 불법 배출을 신고하며 자연 학습을 운영하도록 "
        "하였다. 입양 단체에는 안내판과 장비를 주고 간이 수질검사 교육을 한다. 구청은 입양 단체를 조정하고 "
        "신고 내용을 처리한다.",
    ),
    started="2005-03-22",
    champion="mayor",
    participation="involve",
    participants=["citizens", "ngos", "private_firms"],
    obstacles=[
        (
            "CI",
            "Shopkeepers along covered streams opposed opening them up because they would lose parking and road space.",
            "복개 하천 주변 상인들은 주차 공간과 도로가 줄어든다며 복원에 반대하였다.",
        ),
        (
            "LC",
            "District offices and adopting groups worked separately, and early reports went unanswered.",
            "구청과 입양 단체가 따로 움직여 초기에는 신고가 처리되지 않는 경우가 있었다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "Public hearings with merchants led to replacement parking, and a stream council of "
            "districts and adopters now meets monthly.",
            "상인 공청회를 거쳐 대체 주차장을 마련하고, 구청과 입양 단체가 참여하는 하천협의회를 매달 연다.",
        )
    ],
    outcomes=[
        (
            "Groups adopting stream sections",
            "하천 구간 입양 단체",
            "groups",
            0,
            148,
            "City register, end of 2005",
            "시 등록 현황(2005년 말)",
        ),
        (
            "Illegal discharge reports acted on",
            "조치된 불법 배출 신고",
            "cases",
            None,
            215,
            "District enforcement records, 2005",
            "구 단속 기록(2005년)",
        ),
    ],
    contact=("김도윤", "doyun.kim@example.go.kr"),
)

case(
    A,
    "2006-incheon-integrated-signal-control",
    "23",
    "SI",
    True,
    award="merit",
    title=("Intelligent Transport System with Integrated Signal Control", "신호 통합제어 지능형 교통체계"),
    summary=(
        "Incheon brought the signals, detectors and cameras of its major roads under one control "
        "centre that adjusts signal timing to actual traffic.",
        "인천광역시는 주요 도로의 신호기·검지기·CCTV를 하나의 센터에서 관리하며 실제 교통량에 맞춰 "
        "신호 주기를 조정하였다.",
    ),
    desc=(
        "Traffic on Incheon's arterial roads grew quickly with new housing and the airport, while signals "
        "ran on fixed timetables. The city installed vehicle detectors and cameras at major junctions and "
        "linked the signals to a traffic control centre that adjusts their timing in real time. Travel "
        "times are shown on roadside signs and on the website. Incidents spotted on camera are passed "
        "immediately to the police and tow services.",
        "새 주거단지와 공항으로 인천의 간선도로 교통량은 빠르게 늘었지만 신호는 고정 주기로 운영되었다. "
        "시는 주요 교차로에 차량 검지기와 CCTV를 설치하고 신호기를 교통관제센터와 연결하여 실시간으로 신호 "
        "주기를 조정하였다. 구간 통행시간은 도로 전광판과 홈페이지로 알린다. 카메라로 발견한 사고는 곧바로 "
        "경찰과 견인업체에 전달한다.",
    ),
    ict_desc="Vehicle detectors, CCTV, centrally controlled signals and variable message signs.",
    started="2004-09-01",
    champion="mayor",
    participation="none",
    participants=["other_governments"],
    obstacles=[
        (
            "LX",
            "City staff lacked the traffic engineering expertise to calibrate adaptive signal timing.",
            "시 직원들에게 신호 주기 자동 조정을 보정할 교통공학 전문성이 없었다.",
        ),
        (
            "LC",
            "Signal operation belonged to the police, who were cautious about handing control to the city.",
            "신호 운영 권한이 경찰에 있어 경찰은 시에 제어를 넘기는 데 신중하였다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "A joint operating agreement placed police officers in the city's control centre.",
            "공동 운영 협약을 맺어 경찰관이 시 교통관제센터에 상주하도록 하였다.",
        ),
        (
            "PS",
            "The team recalibrated junction by junction for more than a year until travel times improved.",
            "담당 부서는 1년 넘게 교차로별 보정을 계속하여 통행시간을 개선하였다.",
        ),
    ],
    outcomes=[
        (
            "Average peak-hour speed on managed arterials",
            "관리 간선도로 출퇴근 시간 평균 속도",
            "km/h",
            21.4,
            27.9,
            "Detector data, 2004 and 2005",
            "검지기 자료(2004년, 2005년)",
        )
    ],
    contact=("이준영", "junyoung.lee@example.go.kr"),
)

case(
    A,
    "2006-gwangju-apartment-dispute-mediation",
    "24",
    "SI",
    False,
    award="merit",
    title=("Apartment Community Dispute Mediation Centre", "공동주택 분쟁 조정센터"),
    summary=(
        "Gwangju set up a mediation centre where trained volunteers help apartment residents, "
        "management offices and builders resolve disputes without going to court.",
        "광주광역시는 교육받은 자원봉사 조정위원이 입주민·관리사무소·건설사 사이의 분쟁을 소송 없이 "
        "해결하도록 돕는 조정센터를 만들었다.",
    ),
    desc=(
        "Most people in Gwangju live in apartment complexes, where disputes over maintenance fees, noise, "
        "construction defects and residents' committee elections often ended in lawsuits. The city opened "
        "a mediation centre staffed by volunteer lawyers, architects and accountants. The centre hears "
        "both sides, visits the complex when needed and proposes a settlement. Common issues are turned "
        "into guidelines for management offices.",
        "광주 시민 대부분이 공동주택에 사는데, 관리비·층간소음·하자·입주자대표 선거를 둘러싼 다툼이 "
        "소송으로 이어지는 일이 많았다. 시는 변호사·건축사·회계사 자원봉사자가 참여하는 조정센터를 열었다. "
        "센터는 양측의 이야기를 듣고 필요하면 단지를 방문하여 조정안을 제시한다. 자주 생기는 문제는 "
        "관리사무소용 지침으로 정리한다.",
    ),
    started="2005-02-01",
    champion="mayor",
    participation="consult",
    participants=["citizens", "experts"],
    obstacles=[
        (
            "CI",
            "Residents' committees, management companies and builders distrusted each other and were "
            "unwilling to compromise.",
            "입주자대표회의·관리업체·건설사가 서로 불신하여 양보하려 하지 않았다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Mediators met each side separately before joint sessions and used independent site "
            "inspections to narrow the disagreement.",
            "조정위원이 합동 회의에 앞서 양측을 따로 만나고, 중립적인 현장 점검으로 쟁점을 좁혔다.",
        )
    ],
    outcomes=[
        ("Disputes mediated", "조정한 분쟁", "cases/year", None, 164, "Centre records, 2005", "센터 기록(2005년)"),
        (
            "Share of disputes settled without litigation",
            "소송 없이 해결된 비율",
            "%",
            None,
            71,
            "Centre records, 2005",
            "센터 기록(2005년)",
        ),
    ],
    contact=("송미경", "mikyung.song@example.go.kr"),
)

case(
    A,
    "2006-ulsan-contract-disclosure",
    "26",
    "SI",
    True,
    award="merit",
    title=("Online Disclosure of Public Works Contracts", "공공 공사 계약 정보 온라인 공개"),
    summary=(
        "Ulsan publishes every stage of its public works contracts online, from plans and bids to "
        "changes and payments, so that citizens and firms can check them.",
        "울산광역시는 공공 공사 계약의 계획·입찰·변경·대금 지급까지 모든 단계를 인터넷에 공개하여 "
        "시민과 업체가 확인할 수 있게 하였다.",
    ),
    desc=(
        "Public works contracting was a frequent source of suspected collusion and favouritism in local "
        "government. Ulsan built a disclosure system that publishes planned projects, bidding results, "
        "contract changes, inspections and payments, including those of its districts and county. "
        "Subcontractors can see when the main contractor was paid, which reduced late payments to them. "
        "Citizens can comment on each project page.",
        "공공 공사 계약은 지방자치단체에서 담합과 특혜 의혹이 자주 제기되는 분야였다. 울산시는 구·군을 "
        "포함하여 발주 계획, 입찰 결과, 계약 변경, 검사, 대금 지급을 공개하는 계약정보 공개 시스템을 "
        "만들었다. 하도급업체는 원도급업체가 언제 대금을 받았는지 확인할 수 있게 되어 대금 지연이 줄었다. "
        "시민은 사업별 페이지에 의견을 남길 수 있다.",
    ),
    ict_desc="Contract disclosure portal linked to the financial and contract management systems.",
    started="2005-01-03",
    champion="mayor",
    participation="inform",
    participants=["citizens", "private_firms"],
    obstacles=[
        (
            "CI",
            "Some contractors and officials objected to disclosing contract changes and payments.",
            "일부 업체와 공무원이 계약 변경과 대금 지급 내용 공개에 반대하였다.",
        ),
        (
            "LC",
            "The districts used different contract systems and were slow to send their data.",
            "구·군마다 계약 시스템이 달라 자료 제출이 늦었다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "Briefings for the construction association and district finance staff agreed on the items "
            "to publish and a common data format.",
            "건설협회와 구·군 재무 담당자 설명회를 거쳐 공개 항목과 공통 자료 형식을 합의하였다.",
        )
    ],
    outcomes=[
        (
            "Contracts disclosed online",
            "온라인 공개 계약",
            "contracts/year",
            None,
            2850,
            "Portal statistics, 2005",
            "공개 시스템 통계(2005년)",
        ),
        (
            "Subcontractor complaints of late payment",
            "하도급 대금 지연 민원",
            "cases/year",
            96,
            31,
            "City complaint records, 2004 and 2005",
            "시 민원 기록(2004년, 2005년)",
        ),
    ],
    contact=("백승호", "seungho.baek@example.go.kr"),
)

case(
    A,
    "2006-gumi-industrial-gis",
    "37050",
    "PM",
    True,
    award="grand",
    illustrative=False,
    title=(
        "Web-Based Industrial GIS and One-Stop Business Service Centre",
        "웹 기반 산업 지리정보시스템과 기업 원스톱 지원센터",
    ),
    summary=(
        "To attract new firms and to keep existing small and medium businesses from moving out, Gumi "
        "City created a web-based geographic information system that gives firms and investors critical "
        "information and also works as a one-stop service centre.",
        "구미시는 새 기업을 유치하고 기존 중소기업의 역외 이전을 막기 위해 기업과 투자자에게 핵심 정보를 "
        "제공하고 원스톱 서비스 창구 역할도 하는 웹 기반 지리정보시스템을 만들었다.",
    ),
    desc=(
        "Gumi is an industrial city built around its national industrial complex, and it was losing small "
        "and medium businesses to other regions while competing with many cities for new investment. In an "
        "effort to attract new firms and to prevent existing ones from moving out, the City created a "
        "geographic information system that shows industrial sites, infrastructure and business support "
        "on a web map. The web-based system provides critical information to existing firms and to "
        "potential investors, and it also functions as a one-stop service centre for their applications "
        "and enquiries. The study cites the case as an example of innovation achieved through ICT.",
        "구미는 국가산업단지를 중심으로 성장한 산업도시로, 중소기업이 다른 지역으로 빠져나가는 한편 많은 "
        "도시와 신규 투자 유치 경쟁을 벌이고 있었다. 시는 새 기업을 유치하고 기존 기업의 이전을 막기 위해 "
        "산업용지, 기반시설, 기업 지원 정보를 웹 지도로 보여 주는 지리정보시스템을 만들었다. 이 웹 기반 "
        "시스템은 기존 기업과 잠재 투자자에게 핵심 정보를 제공하며, 각종 신청과 문의를 처리하는 원스톱 "
        "서비스 창구 역할도 한다. 연구는 이 사례를 정보통신기술을 통해 이룬 혁신의 예로 들었다.",
    ),
    ict_desc="Web-based geographic information system of industrial sites and business information that "
    "also serves as an online one-stop service centre for firms and investors.",
    started="2005-02-01",
    champion="mayor",
    participation="consult",
    participants=["private_firms", "other_governments"],
    obstacles=[
        (
            "LX",
            "Building and maintaining a web-based GIS required spatial data and programming skills that "
            "the city did not have in house.",
            "웹 기반 지리정보시스템을 구축·유지하려면 시 내부에 없는 공간자료와 프로그래밍 역량이 필요하였다.",
        ),
        (
            "LC",
            "Information on sites, utilities and support programmes was held by several departments and "
            "by the industrial complex management agency, which were slow to share it.",
            "부지·기반시설·지원제도 정보를 여러 부서와 산업단지 관리기관이 나누어 가지고 있어 공유가 더디었다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "The city set up a working group with the industrial complex management agency and the "
            "chamber of commerce to collect and update the data together.",
            "시는 산업단지 관리기관·상공회의소와 실무협의체를 만들어 자료를 함께 모으고 갱신하였다.",
        ),
        (
            "PS",
            "The project team kept adding and correcting data after launch instead of waiting for a complete system.",
            "사업팀은 완벽한 시스템을 기다리지 않고 개통 후에도 자료를 계속 보완하였다.",
        ),
    ],
    outcomes=[
        (
            "Enquiries and applications handled through the one-stop service",
            "원스톱 서비스로 처리한 문의·신청",
            "cases/year",
            None,
            1850,
            "Illustrative demo figure: the study describes the system but reports no numbers.",
            "데모용 예시 수치: 연구는 시스템을 설명하지만 수치는 제시하지 않는다.",
        ),
        (
            "Firms locating in the industrial complex after consulting the system",
            "시스템 상담 후 산업단지에 입주한 기업",
            "firms",
            None,
            42,
            "Illustrative demo figure: the study reports no numbers.",
            "데모용 예시 수치: 연구는 수치를 제시하지 않는다.",
        ),
    ],
    contact=("장현우", "hyunwoo.jang@example.go.kr"),
)

case(
    A,
    "2006-seosan-cheonsu-bay-migratory-birds",
    "34050",
    "PM",
    False,
    award="grand",
    illustrative=False,
    title=("Migratory Birds of Cheonsu Bay as a Cultural Asset", "천수만 철새를 활용한 지역 문화자산화"),
    summary=(
        "Seosan City used the migratory birds of Cheonsu Bay as a major cultural asset, attracting "
        "tourists and creating income, and residents and environmental groups built a website on the birds.",
        "서산시는 천수만 철새를 도시의 주요 문화자산으로 삼아 관광객을 끌어들이고 소득을 만들었으며, "
        "주민과 환경단체가 함께 철새 웹사이트를 만들었다.",
    ),
    desc=(
        "Cheonsu Bay is a major habitat for 318 different species of migratory birds. Seosan City "
        "utilised the birds as a major cultural asset of the city, attracting tourists and creating "
        "opportunities for income generation. The City invited residents and environmental groups to take "
        "part in creating a website on the birds of the bay. Sales of locally cultivated rice with a bird "
        "brand increased thanks to the image of the area's high ecological quality.",
        "천수만은 318종의 철새가 찾는 주요 서식지이다. 서산시는 철새를 도시의 주요 문화자산으로 활용하여 "
        "관광객을 끌어들이고 소득을 올릴 기회를 만들었다. 시는 주민과 환경단체를 초청하여 천수만 철새 "
        "웹사이트를 함께 만들었다. 지역의 뛰어난 생태 환경 이미지 덕분에 철새 브랜드를 단 지역 쌀의 판매가 "
        "늘었다.",
    ),
    started="2005-01-15",
    champion="mayor",
    participation="collaborate",
    participants=["citizens", "ngos"],
    obstacles=[
        (
            "CI",
            "Farmers around the bay feared that protecting bird habitat would restrict farming and "
            "development, and birds feeding on the paddies caused friction.",
            "천수만 주변 농민들은 철새 서식지 보호가 영농과 개발을 제한할 것을 우려하였고, 철새가 논에서 "
            "먹이를 먹는 문제도 갈등의 원인이었다.",
        ),
        (
            "LC",
            "At first residents did not see the birds as an asset of their own and were reluctant to take part.",
            "주민들은 처음에는 철새를 자기 지역의 자산으로 여기지 않아 참여에 소극적이었다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "The City invited residents and environmental groups to build the bird website together and "
            "tied the bird brand to local rice, so that conservation brought farmers income.",
            "시는 주민과 환경단체를 철새 웹사이트 제작에 참여시키고 철새 브랜드를 지역 쌀과 연결하여 "
            "보전이 농가 소득으로 이어지게 하였다.",
        )
    ],
    outcomes=[
        (
            "Migratory bird species documented for the bay",
            "천수만에서 확인된 철새 종 수",
            "species",
            None,
            318,
            "The study describes the bay as a major habitat for 318 species of migratory birds.",
            "연구는 천수만을 318종 철새의 주요 서식지로 소개한다.",
        ),
        (
            "Sales of bird-brand rice (index, 2004 = 100)",
            "철새 브랜드 쌀 판매량 지수(2004년=100)",
            "index",
            100,
            135,
            "The study reports that sales increased; the index value is an illustrative demo figure.",
            "연구는 판매가 늘었다고 밝힌다. 지수 값은 데모용 예시 수치이다.",
        ),
    ],
    contact=("유지연", "jiyeon.yoo@example.go.kr"),
)

case(
    A,
    "2006-anyang-integrated-cctv-centre",
    "31040",
    "SI",
    True,
    award="excellence",
    title=("Integrated CCTV Control Centre for Safety and Traffic", "방범·교통 통합 CCTV 관제센터"),
    summary=(
        "Anyang combined its crime prevention, traffic and parking cameras into one control centre "
        "staffed together with the police.",
        "안양시는 방범·교통·불법주차 카메라를 하나의 관제센터로 통합하고 경찰과 함께 운영하였다.",
    ),
    desc=(
        "Cameras for crime prevention, traffic and parking enforcement in Anyang belonged to different "
        "departments and were watched by few people. The city linked them to an integrated control centre "
        "where city monitoring staff and police officers watch together around the clock. Alleys and "
        "school routes with frequent crime were given priority for new cameras. Rules on recording, "
        "retention and access were published to protect privacy.",
        "안양시의 방범·교통·주차단속 카메라는 부서마다 따로 관리되었고 지켜보는 인력도 적었다. 시는 "
        "카메라를 통합 관제센터에 연결하여 시 관제요원과 경찰관이 24시간 함께 감시하도록 하였다. 범죄가 "
        "잦은 골목과 통학로에 새 카메라를 우선 설치하였다. 사생활 보호를 위해 녹화·보관·열람 규칙을 "
        "공개하였다.",
    ),
    ict_desc="Integrated CCTV network and control centre shared with the police, with recording and access controls.",
    started="2005-03-01",
    champion="mayor",
    participation="consult",
    participants=["citizens", "ngos", "other_governments"],
    obstacles=[
        (
            "CI",
            "Civic groups raised privacy concerns, while residents of high-crime neighbourhoods demanded "
            "cameras quickly.",
            "시민단체는 사생활 침해를 우려하였고, 범죄가 잦은 동네 주민들은 빠른 설치를 요구하였다.",
        ),
        (
            "LC",
            "The departments that owned the cameras and the police were reluctant to merge control rooms and staff.",
            "카메라를 관리하던 부서들과 경찰이 관제실과 인력을 합치는 데 소극적이었다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "Residents' briefings were held for each new camera site, and a joint operating agreement "
            "was signed with the police.",
            "새 카메라 설치 지점마다 주민 설명회를 열고 경찰과 공동 운영 협약을 맺었다.",
        ),
        (
            "IP",
            "A city ordinance on CCTV installation and operation set retention limits and access procedures.",
            "CCTV 설치·운영 조례를 제정하여 보관 기간과 열람 절차를 정하였다.",
        ),
    ],
    outcomes=[
        (
            "Five major crimes in areas covered by cameras",
            "CCTV 설치 지역 5대 범죄",
            "cases/year",
            1480,
            1120,
            "Police statistics, 2004 and 2005",
            "경찰 통계(2004년, 2005년)",
        ),
        (
            "Cameras connected to the centre",
            "관제센터 연결 카메라",
            "cameras",
            60,
            410,
            "Inventory of the control centre",
            "관제센터 시설 현황",
        ),
    ],
    contact=("신동훈", "donghoon.shin@example.go.kr"),
)

case(
    A,
    "2006-gangneung-forest-fire-watch",
    "32030",
    "SI",
    True,
    award="merit",
    title=("Forest Fire Watch with Remote Cameras and GIS", "원격 카메라와 지리정보를 활용한 산불 감시"),
    summary=(
        "Gangneung installed remote cameras on mountain ridges and linked them with a GIS map so that "
        "forest fires are spotted and reached early.",
        "강릉시는 산 능선에 원격 감시 카메라를 설치하고 지리정보 지도와 연결하여 산불을 조기에 발견하고 "
        "대응하도록 하였다.",
    ),
    desc=(
        "After large forest fires on the east coast, Gangneung needed to detect fires faster than "
        "lookouts on foot could. The city installed rotating cameras on ridges covering most of its "
        "forests and brought their images into a situation room. When smoke is spotted, the GIS shows its "
        "location, access roads and nearest water sources, and crews and helicopters are dispatched. "
        "Volunteer fire watchers in the villages report by phone to the same room.",
        "동해안의 대형 산불 이후 강릉시는 도보 감시원보다 빨리 산불을 발견할 방법이 필요하였다. 시는 산림 "
        "대부분을 볼 수 있는 능선에 회전형 카메라를 설치하고 영상을 상황실로 모았다. 연기가 보이면 "
        "지리정보시스템에 위치와 진입로, 가까운 수원이 표시되고 진화대와 헬기가 출동한다. 마을 산불 감시 "
        "자원봉사자도 같은 상황실에 전화로 신고한다.",
    ),
    ict_desc="Remote pan-tilt cameras on wireless links and GIS-based dispatch in a situation room.",
    started="2004-11-01",
    champion="mayor",
    participation="involve",
    participants=["citizens", "other_governments"],
    obstacles=[
        (
            "LR",
            "Cameras and wireless links for remote ridges were costly.",
            "외딴 능선에 설치할 카메라와 무선 통신망 비용이 많이 들었다.",
        ),
        (
            "LX",
            "Staff had to learn to operate the cameras and the GIS under pressure during the fire season.",
            "직원들은 산불철에 쫓기며 카메라와 지리정보시스템 운영을 익혀야 했다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "The regional forest service and the province shared the costs and lent GIS specialists.",
            "지방산림청과 도가 비용을 분담하고 지리정보 전문 인력을 지원하였다.",
        ),
        (
            "PS",
            "Staff drilled every week through the first fire season until the procedure became routine.",
            "첫 산불철 동안 매주 훈련을 거듭하여 대응 절차를 몸에 익혔다.",
        ),
    ],
    outcomes=[
        (
            "Average time from ignition to detection",
            "발화에서 발견까지 평균 시간",
            "minutes",
            40,
            9,
            "Fire reports, 2004 and 2005",
            "산불 보고서(2004년, 2005년)",
        ),
        (
            "Forest area burned",
            "산불 피해 면적",
            "ha",
            37,
            4,
            "Fire reports, 2004 and 2005",
            "산불 보고서(2004년, 2005년)",
        ),
    ],
    contact=("최승연", "seungyeon.choi@example.go.kr"),
)

case(
    A,
    "2006-jinju-land-use-online-prereview",
    "38030",
    "SI",
    True,
    award="merit",
    title=("Online Pre-Review of Land Use and Building Plans", "토지이용·건축 계획 온라인 사전 검토"),
    summary=(
        "Jinju lets landowners check online what may be built on a parcel and obtain a preliminary "
        "review of their plans before filing a formal application.",
        "진주시는 토지 소유자가 필지에 무엇을 지을 수 있는지 인터넷으로 확인하고 정식 신청 전에 계획을 "
        "사전 검토받을 수 있게 하였다.",
    ),
    desc=(
        "Building and development applications in Jinju were often rejected after weeks because of zoning "
        "rules the applicant had not known. The city published parcel-level land use information online "
        "and set up an online pre-review in which the planning, building and road departments comment "
        "together within a week. Applicants can revise their plans before paying design and application "
        "fees. Frequent issues were compiled into a public list of questions and answers.",
        "진주시에서는 건축·개발 신청이 신청인이 몰랐던 용도지역 규정 때문에 몇 주 뒤에 반려되는 일이 "
        "잦았다. 시는 필지별 토지이용 정보를 인터넷에 공개하고, 도시계획·건축·도로 부서가 일주일 안에 함께 "
        "의견을 내는 온라인 사전 검토를 도입하였다. 신청인은 설계비와 수수료를 내기 전에 계획을 고칠 수 "
        "있다. 자주 나오는 쟁점은 문답집으로 정리하여 공개하였다.",
    ),
    ict_desc="Parcel-level land use information on the web and an online pre-review workflow shared by departments.",
    started="2005-04-01",
    champion="mayor",
    participation="consult",
    participants=["citizens", "private_firms"],
    obstacles=[
        (
            "LG",
            "Pre-review opinions had no legal status, and staff feared liability if a later formal "
            "review reached a different conclusion.",
            "사전 검토 의견에는 법적 효력이 없어, 이후 정식 심사 결과가 달라지면 책임을 질까 봐 직원들이 우려하였다.",
        ),
        (
            "CI",
            "Architects' offices that earned fees from informal consultations saw the free service as a threat.",
            "비공식 상담으로 수수료를 받던 건축사무소들은 무료 서비스를 위협으로 여겼다.",
        ),
    ],
    remedies=[
        (
            "RP",
            "The service was revised to give advisory opinions with stated assumptions rather than binding answers.",
            "구속력 있는 답변 대신 전제 조건을 밝힌 권고 의견을 제공하는 방식으로 사업을 수정하였다.",
        ),
        (
            "IC",
            "The local architects' association helped design the service and now refers its clients to it.",
            "지역 건축사회가 서비스 설계에 참여하고 의뢰인에게 서비스를 안내하도록 하였다.",
        ),
    ],
    outcomes=[
        (
            "Share of formal applications rejected",
            "반려된 정식 신청 비율",
            "%",
            23,
            9,
            "Permit records, 2004 and 2005",
            "인허가 기록(2004년, 2005년)",
        )
    ],
    contact=("하은서", "eunseo.ha@example.go.kr"),
)

case(
    A,
    "2006-gangseo-welfare-eligibility-check",
    "11160",
    "SI",
    True,
    award="merit",
    title=("Integrated Online Check of Welfare Eligibility", "복지 수급 자격 통합 온라인 확인"),
    summary=(
        "Gangseo-gu gave its welfare staff a single screen combining income, property and family data "
        "from several agencies to decide eligibility faster and more fairly.",
        "강서구는 여러 기관의 소득·재산·가족 자료를 한 화면에서 볼 수 있게 하여 복지 수급 자격을 더 "
        "빠르고 공정하게 판단하도록 하였다.",
    ),
    desc=(
        "Deciding eligibility for basic livelihood benefits in Gangseo-gu required staff to request "
        "documents from the tax office, the land registry and health insurance, which took weeks. The "
        "district built a system that gathers the data from these agencies with the applicant's consent "
        "and shows it on one screen. Applicants no longer need to collect certificates themselves. The "
        "staff time saved is spent on home visits to people in need.",
        "강서구에서 기초생활보장 수급 자격을 판단하려면 직원이 세무서·등기소·건강보험 자료를 따로 요청해야 "
        "해서 몇 주가 걸렸다. 구는 신청인의 동의를 받아 이들 기관의 자료를 모아 한 화면에 보여 주는 "
        "시스템을 만들었다. 신청인은 더 이상 증명서를 직접 떼어 올 필요가 없다. 절약된 직원 시간은 도움이 "
        "필요한 가정을 방문하는 데 쓴다.",
    ),
    ict_desc="Data links with tax, property and health insurance agencies combined on a consent-based "
    "eligibility screen.",
    started="2005-02-14",
    champion="district_mayor",
    participation="none",
    participants=["other_governments"],
    obstacles=[
        (
            "LC",
            "Other agencies were slow to agree to provide data to a district office.",
            "다른 기관들이 구청에 자료를 제공하는 데 동의하기까지 오래 걸렸다.",
        ),
        (
            "LG",
            "Privacy rules restricted the sharing of personal income and property data between agencies.",
            "개인정보 보호 규정 때문에 기관 간 소득·재산 자료 공유가 제한되었다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "The district negotiated with each agency on the basis of a written consent form that met "
            "the privacy rules, and demonstrated the system to the ministry.",
            "구는 개인정보 규정에 맞는 서면 동의서를 마련하여 기관별로 협의하고, 주무부처에 시스템을 시연하였다.",
        )
    ],
    outcomes=[
        (
            "Days to decide eligibility",
            "수급 자격 결정 소요 일수",
            "days",
            28,
            9,
            "Case records, 2004 and 2005",
            "업무 기록(2004년, 2005년)",
        )
    ],
    contact=("전혜린", "hyerin.jeon@example.go.kr"),
)

case(
    A,
    "2006-daegu-namgu-safe-alleys",
    "22040",
    "SI",
    False,
    award="merit",
    title=("Safe Alleys Made by Residents", "주민이 만드는 안전한 골목"),
    summary=(
        "Nam-gu in Daegu worked with residents to redesign dark, narrow alleys with lighting, murals "
        "and neighbourhood patrols.",
        "대구 남구는 주민과 함께 어둡고 좁은 골목에 조명을 달고 벽화를 그리며 동네 순찰을 하여 안전한 "
        "골목으로 바꾸었다.",
    ),
    desc=(
        "Nam-gu has many old houses and narrow alleys, where residents, especially women and children, "
        "felt unsafe after dark. The district walked the alleys with residents to identify dangerous spots "
        "and let each neighbourhood choose improvements such as lighting, mirrors, murals and the clearing "
        "of empty houses. Resident patrols walk the alleys in the evening together with the police. Owners "
        "of empty houses were asked to fence or clean them.",
        "남구에는 낡은 주택과 좁은 골목이 많아 주민, 특히 여성과 어린이가 밤길을 불안해하였다. 구는 주민과 "
        "함께 골목을 걸으며 위험한 곳을 찾고, 동네마다 조명·반사경·벽화·빈집 정비 가운데 필요한 것을 고르게 "
        "하였다. 주민 순찰대가 경찰과 함께 저녁마다 골목을 돈다. 빈집 소유주에게는 울타리를 치거나 정리해 "
        "달라고 요청하였다.",
    ),
    started="2005-04-01",
    champion="district_mayor",
    participation="collaborate",
    participants=["citizens", "other_governments"],
    obstacles=[
        (
            "CI",
            "Owners of empty houses resisted clean-up requests, and some residents objected to murals or "
            "lights near their homes.",
            "빈집 소유주들은 정비 요청에 반발하였고, 일부 주민은 집 근처의 벽화나 조명에 반대하였다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Each alley's plan was agreed at a neighbourhood meeting, and the district helped owners who "
            "consented with clean-up costs.",
            "골목별 계획은 동네 회의에서 합의하였고, 구는 동의한 빈집 소유주의 정비 비용을 지원하였다.",
        )
    ],
    outcomes=[
        (
            "Residents who feel safe in the alleys at night",
            "밤길 골목이 안전하다고 느끼는 주민",
            "%",
            34,
            61,
            "Resident surveys, spring 2005 and spring 2006",
            "주민 설문조사(2005년 봄, 2006년 봄)",
        )
    ],
    contact=("김나래", "narae.kim@example.go.kr"),
)

case(
    A,
    "2006-gwangju-bukgu-participatory-budgeting",
    "24040",
    "SI",
    True,
    award="excellence",
    title=("Online Participatory Budgeting", "온라인 주민참여예산"),
    summary=(
        "Buk-gu in Gwangju lets residents propose, discuss and rank budget projects online and at "
        "neighbourhood meetings before the budget goes to the council.",
        "광주 북구는 주민이 온라인과 동네 회의에서 예산 사업을 제안·토론하고 우선순위를 정한 뒤 예산안을 "
        "의회에 내도록 하였다.",
    ),
    desc=(
        "Buk-gu was among the first local governments in Korea to introduce participatory budgeting, but "
        "its early meetings drew few people beyond community leaders. The district built an online space "
        "where residents can read the budget, submit proposals, comment and vote on priorities. A "
        "residents' budget committee reviews the ranked proposals with officials and sends its "
        "recommendations to the council with the draft budget. A budget school teaches residents how local "
        "finances work.",
        "북구는 우리나라에서 처음으로 주민참여예산을 도입한 지방자치단체 가운데 하나였지만, 초기 회의에는 "
        "지역 유지 말고는 참여자가 적었다. 구는 주민이 예산을 살펴보고 사업을 제안하며 의견을 달고 "
        "우선순위를 투표할 수 있는 온라인 공간을 만들었다. 주민참여예산위원회가 공무원과 함께 순위가 매겨진 "
        "제안을 검토하여 예산안과 함께 의회에 권고한다. 예산학교에서 주민들에게 지방재정의 구조를 "
        "가르친다.",
    ),
    ict_desc="Budget transparency and proposal website with online comments and voting, linked to the "
    "committee's review.",
    started="2004-09-01",
    champion="district_mayor",
    participation="involve",
    participants=["citizens", "ngos", "experts"],
    obstacles=[
        (
            "CI",
            "Council members saw the residents' committee as encroaching on their budget powers.",
            "구의원들은 주민참여예산위원회가 의회의 예산 권한을 침해한다고 보았다.",
        ),
        (
            "LX",
            "Most residents did not understand budget documents or the limits of discretionary spending.",
            "대부분의 주민은 예산서나 자율 재원의 한계를 이해하지 못하였다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "Council members were invited to committee sessions, and the committee's role was defined as advisory.",
            "구의원을 위원회 회의에 초청하고 위원회의 역할을 자문으로 정하였다.",
        ),
        (
            "PS",
            "The district ran the budget school every year despite modest enrolment until participation grew.",
            "수강생이 많지 않았지만 참여가 늘 때까지 해마다 예산학교를 열었다.",
        ),
    ],
    outcomes=[
        (
            "Resident proposals submitted",
            "주민 제안 사업",
            "proposals/year",
            38,
            212,
            "Participatory budgeting records, 2004 and 2005",
            "주민참여예산 기록(2004년, 2005년)",
        ),
        (
            "Proposals reflected in the budget",
            "예산에 반영된 제안",
            "proposals",
            11,
            64,
            "Adopted budgets for 2005 and 2006",
            "2005년·2006년 확정 예산",
        ),
    ],
    contact=("조은하", "eunha.cho@example.go.kr"),
)

case(
    A,
    "2006-ulsan-junggu-certificate-kiosks",
    "26010",
    "SI",
    True,
    award="merit",
    title=(
        "Unmanned Certificate Kiosks in Markets, a Hospital and the Bus Terminal",
        "시장·병원·터미널의 무인 민원발급기",
    ),
    summary=(
        "Jung-gu in Ulsan placed kiosks issuing resident registration and land certificates in markets, "
        "a hospital and the bus terminal, open outside office hours.",
        "울산 중구는 시장·병원·버스터미널에 주민등록·토지 관련 증명서를 발급하는 무인 민원발급기를 "
        "설치하여 업무 시간 밖에도 이용할 수 있게 하였다.",
    ),
    desc=(
        "Working residents of Jung-gu had to take time off to obtain certificates at the district office "
        "or a neighbourhood office. The district placed kiosks with fingerprint verification in traditional "
        "markets, a general hospital and the bus terminal, available from early morning to late evening. "
        "The most requested certificates can be printed in a few minutes for a lower fee than at the "
        "counter. Kiosk use is monitored so that machines can be moved to where they are needed most.",
        "중구의 직장인 주민은 증명서를 떼려면 일을 쉬고 구청이나 동사무소에 가야 했다. 구는 지문으로 본인을 "
        "확인하는 무인 발급기를 전통시장·종합병원·버스터미널에 두고 이른 아침부터 늦은 저녁까지 "
        "운영하였다. 가장 많이 찾는 증명서를 창구보다 싼 수수료로 몇 분 만에 뽑을 수 있다. 이용 현황을 "
        "살펴 수요가 많은 곳으로 발급기를 옮긴다.",
    ),
    ict_desc="Networked certificate kiosks with fingerprint verification, linked to the national "
    "administrative information network.",
    started="2005-05-02",
    champion="district_mayor",
    participation="inform",
    participants=["citizens", "private_firms"],
    obstacles=[
        (
            "LR",
            "Each kiosk cost tens of millions of won, beyond the district's small budget.",
            "발급기 한 대 값이 수천만 원이어서 구의 적은 예산으로는 감당하기 어려웠다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Market merchants' associations and the hospital provided space and electricity free of "
            "charge, and the city shared the purchase cost.",
            "시장 상인회와 병원이 공간과 전기를 무상으로 제공하고, 시가 구입비 일부를 분담하였다.",
        )
    ],
    outcomes=[
        (
            "Certificates issued by the kiosks",
            "무인 발급 증명서",
            "documents/year",
            0,
            46000,
            "Kiosk logs, 2005",
            "발급기 기록(2005년)",
        )
    ],
    contact=("윤서준", "seojun.yoon@example.go.kr"),
)

case(
    A,
    "2006-ongjin-island-online-services",
    "23320",
    "SI",
    True,
    award="merit",
    title=(
        "Online Civil Services and Ferry Information for Island Residents",
        "섬 주민을 위한 온라인 민원과 여객선 정보",
    ),
    summary=(
        "Ongjin-gun enabled island residents to obtain documents at their township office or online and "
        "to check ferry operations and sea weather in real time.",
        "옹진군은 섬 주민이 면사무소나 인터넷으로 민원서류를 발급받고 여객선 운항과 바다 날씨를 "
        "실시간으로 확인할 수 있게 하였다.",
    ),
    desc=(
        "Ongjin-gun consists of islands scattered across the Yellow Sea, and its county office is on the "
        "mainland in Incheon. Residents often had to take a ferry, sometimes cancelled in bad weather, just "
        "to handle paperwork. The county connected the island township offices to its document systems so "
        "that most documents can be issued locally or online and sent by fax or post. A website and a "
        "telephone service show ferry departures, cancellations and sea conditions.",
        "옹진군은 서해에 흩어진 섬들로 이루어져 있고 군청은 육지인 인천에 있다. 주민들은 서류 일을 보려고 "
        "궂은 날씨에는 결항되기도 하는 배를 타야 하는 경우가 많았다. 군은 섬의 면사무소를 군 전산망과 "
        "연결하여 대부분의 서류를 현지나 인터넷으로 발급받고 팩스나 우편으로 받을 수 있게 하였다. "
        "홈페이지와 전화 안내로 여객선 출항·결항과 해상 기상을 알려 준다.",
    ),
    ict_desc="Network links from island township offices to county systems, online applications, and a "
    "ferry and sea weather information service.",
    started="2005-03-01",
    champion="county_governor",
    participation="inform",
    participants=["citizens", "private_firms"],
    obstacles=[
        (
            "LX",
            "Township offices had no IT staff, and the skills needed to maintain equipment on the "
            "islands were not available locally.",
            "면사무소에 전산 인력이 없었고, 섬에서 장비를 유지·관리할 기술 인력을 구할 수 없었다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Ferry operators agreed to feed departure data to the service, and a telecom company took on "
            "remote maintenance.",
            "여객선사가 운항 자료를 제공하고 통신사가 원격 유지·관리를 맡기로 하였다.",
        )
    ],
    outcomes=[
        (
            "Ferry trips made only for paperwork",
            "서류 때문에 배를 탄 횟수",
            "trips/year",
            5600,
            1700,
            "Survey of island households, 2004 and 2005",
            "섬 가구 조사(2004년, 2005년)",
        )
    ],
    contact=("이바다", "bada.lee@example.go.kr"),
)

case(
    A,
    "2006-yeoju-online-ceramics-market",
    "31320",
    "PM",
    True,
    award="excellence",
    title=("Yeoju Online Ceramics Market and Virtual Exhibition", "여주 도자기 온라인 장터와 가상 전시관"),
    summary=(
        "Yeoju-gun helped its many small pottery studios sell online through a county ceramics portal "
        "with a virtual exhibition and a quality label.",
        "여주군은 소규모 도예 공방들이 가상 전시관과 품질 표시를 갖춘 군 도자기 포털을 통해 온라인으로 "
        "판매할 수 있도록 도왔다.",
    ),
    desc=(
        "Yeoju has hundreds of pottery studios, but most depended on visitors to the annual ceramics fair "
        "and on dealers who set the prices. The county opened a ceramics portal with a virtual exhibition, "
        "studio profiles and an online shop, and a quality label for works inspected by a panel of potters. "
        "Studios were trained in photographing works and handling orders. Orders and enquiries from buyers "
        "abroad are passed to an export desk.",
        "여주에는 수백 곳의 도예 공방이 있지만 대부분 해마다 열리는 도자기 축제 방문객과 가격을 정하는 중간 "
        "상인에게 의존하였다. 군은 가상 전시관, 공방 소개, 온라인 상점을 갖춘 도자기 포털을 열고, 도예가 "
        "심사단이 검사한 작품에 품질 표시를 붙였다. 공방에는 작품 촬영과 주문 처리 교육을 하였다. 해외 "
        "구매자의 주문과 문의는 수출 지원 창구로 연결한다.",
    ),
    ict_desc="Ceramics portal with a virtual exhibition, online shop, quality label registry and order handling.",
    started="2005-05-01",
    champion="county_governor",
    participation="involve",
    participants=["private_firms", "experts"],
    obstacles=[
        (
            "CI",
            "Dealers feared losing their margins, and established potters and newcomers disagreed over "
            "the quality label.",
            "중간 상인은 이윤을 잃을까 걱정하였고, 기성 도예가와 신진 작가는 품질 표시 기준을 두고 의견이 달랐다.",
        ),
        (
            "LX",
            "Most potters had no experience with photography or online sales.",
            "대부분의 도예가는 사진 촬영이나 온라인 판매 경험이 없었다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "The potters' association set the label criteria itself, and dealers were offered their own "
            "shop pages on the portal.",
            "도예인협회가 품질 표시 기준을 직접 정하고, 중간 상인에게도 포털 상점을 열어 주었다.",
        ),
        (
            "PS",
            "County staff visited studios one by one to help them photograph and list their works.",
            "군 직원이 공방을 하나하나 찾아가 작품 촬영과 등록을 도왔다.",
        ),
    ],
    outcomes=[
        (
            "Online ceramics sales",
            "도자기 온라인 매출",
            "KRW million/year",
            0,
            1250,
            "Sales records of the portal, 2005",
            "포털 매출 기록(2005년)",
        ),
        (
            "Studios selling online",
            "온라인 판매 공방",
            "studios",
            0,
            143,
            "Portal register, end of 2005",
            "포털 등록 현황(2005년 말)",
        ),
    ],
    contact=("도예진", "yejin.do@example.go.kr"),
)

case(
    A,
    "2006-jeungpyeong-road-name-addresses",
    "33390",
    "SI",
    True,
    award="merit",
    title=("Road-Name Addresses and a Digital Address Map for a New County", "신설 군의 도로명주소와 전자 주소지도"),
    summary=(
        "Jeungpyeong-gun, created in 2003, named all its roads, numbered its buildings and built a "
        "digital address map used by emergency, postal and delivery services.",
        "2003년에 새로 생긴 증평군은 모든 도로에 이름을, 건물에 번호를 붙이고 긴급·우편·택배 서비스가 "
        "쓰는 전자 주소지도를 만들었다.",
    ),
    desc=(
        "Jeungpyeong-gun became a separate county in 2003, and its lot-number addresses made houses hard "
        "to find for visitors and emergency services. The county named its roads, numbered buildings in "
        "order along them, put up signs and built a digital address map. The map was shared with the fire "
        "station, the police, the post office and courier companies. Residents can look up addresses and "
        "directions on the county website.",
        "증평군은 2003년에 독립된 군이 되었는데, 지번 주소로는 방문객과 응급 서비스가 집을 찾기 어려웠다. "
        "군은 도로에 이름을 붙이고 도로를 따라 건물에 차례로 번호를 매겨 안내판을 세우고 전자 주소지도를 "
        "만들었다. 지도는 소방서·경찰서·우체국·택배회사와 공유하였다. 주민은 군 홈페이지에서 주소와 길 "
        "안내를 찾을 수 있다.",
    ),
    ict_desc="Digital address map in a GIS, shared with emergency and delivery services and published on "
    "the county website.",
    started="2004-03-01",
    champion="county_governor",
    participation="consult",
    participants=["citizens", "other_governments", "private_firms"],
    obstacles=[
        (
            "CI",
            "Residents disagreed over road names, and some feared that new addresses would lower land "
            "values or confuse deliveries.",
            "주민들이 도로 이름을 두고 의견이 갈렸고, 일부는 새 주소가 땅값을 떨어뜨리거나 배달에 혼란을 줄 "
            "것이라 우려하였다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Road names were chosen through village meetings and a residents' vote, and signs showed old "
            "and new addresses side by side.",
            "도로 이름은 마을 회의와 주민 투표로 정하고, 안내판에 옛 주소와 새 주소를 함께 표시하였다.",
        )
    ],
    outcomes=[
        (
            "Average time for ambulances to locate an address",
            "구급차 주소 확인 평균 시간",
            "minutes",
            7.5,
            2.5,
            "Dispatch records of the fire station, 2004 and 2005",
            "소방서 출동 기록(2004년, 2005년)",
        )
    ],
    contact=("민경태", "kyungtae.min@example.go.kr"),
)

case(
    A,
    "2006-yesan-farm-helpers-bank",
    "34370",
    "SI",
    False,
    award="merit",
    title=("Farm Helpers Bank for Ageing Villages", "고령 농가 일손 돕기 은행"),
    summary=(
        "Yesan-gun set up township helper banks that match volunteers, retired people and students "
        "with elderly farmers who cannot find labour at planting and harvest time.",
        "예산군은 읍·면마다 일손 은행을 두어 자원봉사자·은퇴자·학생을 모내기와 수확철 일손을 구하지 못한 "
        "고령 농가와 연결하였다.",
    ),
    desc=(
        "Farming households in Yesan-gun were ageing, and orchards and rice farms struggled to find "
        "workers in peak seasons while wages rose. The county created helper banks at township offices that "
        "register volunteers and paid helpers and match them with farms by priority, starting with "
        "elderly, disabled and single-parent farmers. Public employees, soldiers from nearby units and "
        "company staff join on set days. Farmers pay a modest fee only when they can, and helpers earn "
        "credits that can be exchanged for local goods.",
        "예산군 농가는 고령화되어 과수원과 논농사의 바쁜 철에 일손을 구하기 어려웠고 품삯은 계속 올랐다. "
        "군은 읍·면사무소에 일손 은행을 만들어 자원봉사자와 유급 인력을 등록하고, 고령·장애인·한부모 "
        "농가부터 우선순위에 따라 연결하였다. 공무원, 인근 부대 장병, 기업 직원도 정해진 날 참여한다. "
        "농가는 형편이 될 때만 적은 비용을 내고, 봉사자는 지역 상품과 바꿀 수 있는 적립 점수를 받는다.",
    ),
    started="2005-03-01",
    champion="county_governor",
    participation="involve",
    participants=["citizens", "private_firms", "other_governments"],
    obstacles=[
        (
            "CI",
            "Paid labour brokers and some farmers who paid market wages complained that subsidised help "
            "distorted the local labour market.",
            "유료 인력 중개업자와 시세대로 품삯을 주던 일부 농가가 지원 일손이 인력 시장을 흐린다고 불만을 제기하였다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Priority rules agreed with farmers' associations limited free help to vulnerable farms, and "
            "brokers were invited to register their paid helpers.",
            "농업인 단체와 합의한 우선순위 기준으로 무료 지원을 취약 농가에 한정하고, 중개업자도 유급 "
            "인력을 등록하도록 하였다.",
        )
    ],
    outcomes=[
        (
            "Helper days matched",
            "연결된 일손(연인원)",
            "person-days/year",
            None,
            9800,
            "Records of the township helper banks, 2005",
            "읍·면 일손 은행 기록(2005년)",
        )
    ],
    contact=("박소연", "soyeon.park@example.go.kr"),
)

case(
    A,
    "2006-jindo-saturday-folk-performances",
    "36470",
    "PM",
    False,
    award="excellence",
    title=("Saturday Folk Performances of Jindo", "진도 토요 민속공연"),
    summary=(
        "Jindo-gun stages performances of its intangible cultural heritage every Saturday, turning the "
        "island's folk songs and rituals into a year-round attraction.",
        "진도군은 매주 토요일 무형문화재 공연을 열어 섬의 민요와 의례를 사계절 관광자원으로 만들었다.",
    ),
    desc=(
        "Jindo is known for folk songs such as Jindo Arirang and for several designated intangible heritage "
        "performances, but visitors came mainly for the sea-parting festival in spring. The county arranged "
        "a performance every Saturday by local heritage holders and preservation societies in its folk arts "
        "hall. Tour operators include the show in weekend packages, and local restaurants and lodgings give "
        "discounts to ticket holders. Along the way, young residents learn the performances from the "
        "heritage holders.",
        "진도는 진도아리랑 같은 민요와 여러 무형문화재 공연으로 알려져 있지만, 관광객은 주로 봄철 바닷길 "
        "축제 때만 찾았다. 군은 군립 민속예술관에서 지역 예능보유자와 보존회가 매주 토요일 공연을 하도록 "
        "하였다. 여행사는 주말 상품에 공연을 넣고, 지역 식당과 숙박업소는 관람객에게 할인을 해 준다. 이 "
        "과정에서 젊은 주민들이 예능보유자에게 공연을 배운다.",
    ),
    started="2004-04-03",
    champion="county_governor",
    participation="involve",
    participants=["citizens", "ngos", "private_firms"],
    obstacles=[
        (
            "LC",
            "Elderly heritage holders and preservation societies were reluctant to commit to performing every week.",
            "고령의 예능보유자와 보존회들이 매주 공연하는 데 부담을 느껴 소극적이었다.",
        ),
        (
            "LR",
            "Fees for performers every week exceeded the county's culture budget.",
            "매주 공연자에게 줄 출연료가 군 문화 예산을 넘었다.",
        ),
    ],
    remedies=[
        (
            "IC",
            "The county rotated the performing groups, involved the preservation societies in planning "
            "and shared ticket income with them.",
            "군은 공연 단체를 돌아가며 출연하게 하고, 보존회를 기획에 참여시켜 입장 수입을 나누었다.",
        ),
        (
            "PS",
            "Performances continued every Saturday, even before small winter audiences, until tour "
            "operators built them into their packages.",
            "겨울철 관객이 적을 때에도 여행사가 상품에 넣을 때까지 매주 토요일 공연을 이어 갔다.",
        ),
    ],
    outcomes=[
        (
            "Audience at the Saturday performances",
            "토요 공연 관람객",
            "persons/year",
            None,
            42000,
            "Ticket records of the folk arts hall, 2005",
            "민속예술관 입장 기록(2005년)",
        )
    ],
    contact=("김아리", "ari.kim@example.go.kr"),
)

# ---------------------------------------------------------------------------------------------
# Submitted but not awarded, cycles 2005 and 2006 (illustrative; not part of the study's figures)
# ---------------------------------------------------------------------------------------------
N = NOT_AWARDED

case(
    N,
    "2005-gangwon-small-contract-e-procurement",
    "32",
    "SI",
    True,
    title=("Electronic Procurement for Small Contracts", "소액 계약 전자조달"),
    summary=(
        "Gangwon Province moved quotations for small purchases and works of its offices to an online "
        "bidding page open to any registered local firm.",
        "강원도는 도 기관의 소액 물품·공사 견적을 등록된 지역 업체 누구나 참여할 수 있는 온라인 입찰로 옮겼다.",
    ),
    desc=(
        "Small contracts below the threshold for public tender were usually awarded after informal "
        "quotations from a few familiar firms. The province published every such quotation request online "
        "and accepted bids from any registered firm in the province. Results and prices are posted after "
        "each award.",
        "공개입찰 기준 금액에 못 미치는 소액 계약은 대개 잘 아는 몇몇 업체의 비공식 견적으로 결정되었다. "
        "도는 이러한 견적 요청을 모두 인터넷에 공개하고 도내에 등록된 업체라면 누구나 참여할 수 있게 "
        "하였다. 계약이 끝나면 결과와 가격을 게시한다.",
    ),
    ict_desc="Online quotation and bidding page linked to the provincial accounting system.",
    started="2004-02-02",
    champion="governor",
    participation="inform",
    participants=["private_firms"],
    obstacles=[
        (
            "CI",
            "Firms that had regularly received small contracts lobbied against open quotations.",
            "소액 계약을 꾸준히 받아 오던 업체들이 공개 견적에 반대하는 로비를 벌였다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Briefings for local business associations explained the rules and the expected savings.",
            "지역 업체 단체를 대상으로 설명회를 열어 규칙과 예상 절감 효과를 알렸다.",
        )
    ],
    outcomes=[
        (
            "Average savings against estimated price",
            "예정가격 대비 평균 절감률",
            "%",
            2.1,
            7.8,
            "Accounting records, 2003 and 2004",
            "회계 기록(2003년, 2004년)",
        )
    ],
    contact=("염태호", "taeho.yeom@example.go.kr"),
)

case(
    N,
    "2005-seoul-construction-complaint-ombudsman",
    "11",
    "SI",
    False,
    title=("Ombudsman for Construction Site Complaints", "공사장 민원 옴부즈만"),
    summary=(
        "Seoul appointed independent ombudsmen to handle residents' complaints about noise, dust and "
        "safety at large construction sites.",
        "서울특별시는 대형 공사장의 소음·먼지·안전에 관한 주민 민원을 처리할 독립 옴부즈만을 위촉하였다.",
    ),
    desc=(
        "Redevelopment brought hundreds of large construction sites into residential neighbourhoods. "
        "The city appointed ombudsmen who visit sites on complaint, hear both residents and builders and "
        "recommend corrective measures. Their recommendations and the builders' responses are published.",
        "재개발로 주택가 곳곳에 대형 공사장이 수백 곳 들어섰다. 시는 민원이 들어오면 현장을 찾아 주민과 "
        "시공사의 이야기를 듣고 개선 조치를 권고하는 옴부즈만을 위촉하였다. 권고 내용과 시공사의 조치 "
        "결과는 공개한다.",
    ),
    started="2004-05-01",
    champion="mayor",
    participation="consult",
    participants=["citizens", "experts"],
    obstacles=[
        (
            "CI",
            "Builders regarded the ombudsmen as a new layer of regulation and delayed responses.",
            "시공사들은 옴부즈만을 새로운 규제로 여기고 조치를 미루었다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Regular meetings with the builders' association agreed on response deadlines.",
            "건설 단체와 정기 회의를 열어 조치 기한을 합의하였다.",
        )
    ],
    outcomes=[
        (
            "Complaints resolved within 30 days",
            "30일 이내 해결된 민원",
            "%",
            48,
            66,
            "Ombudsman office records",
            "옴부즈만 사무실 기록",
        )
    ],
    contact=("오세린", "serin.oh@example.go.kr"),
)

case(
    N,
    "2005-bucheon-film-festival-citizen-hosts",
    "31050",
    "PM",
    False,
    title=("Citizen Hosts for the International Fantastic Film Festival", "국제판타스틱영화제 시민 손님맞이단"),
    summary=(
        "Bucheon recruited residents as volunteer hosts who guide festival visitors and open their "
        "homes to foreign guests.",
        "부천시는 주민을 자원봉사 손님맞이단으로 모집하여 영화제 방문객을 안내하고 외국 손님에게 "
        "홈스테이를 제공하게 하였다.",
    ),
    desc=(
        "The film festival attracted many visitors, but few stayed overnight or saw the rest of the city. "
        "The city trained residents to guide visitors, run information booths and host foreign guests at "
        "home. Local restaurants joined with festival menus and discounts.",
        "영화제에는 방문객이 많았지만 하룻밤 머물거나 도시의 다른 곳을 둘러보는 사람은 적었다. 시는 "
        "주민을 교육하여 방문객을 안내하고 안내소를 운영하며 외국 손님을 집에 맞이하게 하였다. 지역 "
        "식당들도 영화제 메뉴와 할인으로 참여하였다.",
    ),
    started="2004-03-01",
    champion="mayor",
    participation="involve",
    participants=["citizens", "private_firms"],
    obstacles=[("LC", "Few residents volunteered in the first year.", "첫해에는 자원하는 주민이 적었다.")],
    remedies=[
        (
            "IC",
            "Neighbourhood associations recruited volunteers and shared festival passes.",
            "동네 주민 모임을 통해 자원봉사자를 모으고 영화제 관람권을 나누었다.",
        )
    ],
    outcomes=[
        (
            "Volunteer hosts",
            "자원봉사 손님맞이단",
            "persons",
            None,
            420,
            "Festival office register, 2004",
            "영화제 사무국 명단(2004년)",
        )
    ],
    contact=("곽민지", "minji.kwak@example.go.kr"),
)

case(
    N,
    "2005-gwanak-youth-job-matching",
    "11210",
    "SI",
    True,
    title=("Online Job Matching for Young Residents", "청년 주민 온라인 일자리 연결"),
    summary=(
        "Gwanak-gu opened a job matching website linking young residents, many of them students and "
        "exam candidates, with small local businesses.",
        "관악구는 학생과 수험생이 많은 청년 주민과 지역 소상공인을 연결하는 일자리 웹사이트를 열었다.",
    ),
    desc=(
        "Gwanak-gu has one of the youngest populations in Seoul, but small local businesses found it hard "
        "to recruit part-time staff. The district built a website where businesses post vacancies and young "
        "residents register their skills and hours. Staff at the job centre follow up on matches.",
        "관악구는 서울에서 청년 인구 비율이 가장 높은 곳 가운데 하나이지만 지역 소상공인은 시간제 직원을 "
        "구하기 어려웠다. 구는 업체가 구인 정보를 올리고 청년 주민이 기술과 가능한 시간을 등록하는 "
        "웹사이트를 만들었다. 취업지원센터 직원이 연결 이후를 관리한다.",
    ),
    ict_desc="Job matching website with employer and job seeker registration and SMS notices.",
    started="2004-06-01",
    champion="district_mayor",
    participation="inform",
    participants=["citizens", "private_firms"],
    obstacles=[
        (
            "LX",
            "Staff lacked experience in running an online labour market.",
            "직원들에게 온라인 일자리 중개 운영 경험이 없었다.",
        )
    ],
    remedies=[
        (
            "PS",
            "The job centre kept refining the matching rules through the first year.",
            "취업지원센터가 첫해 내내 연결 기준을 고쳐 나갔다.",
        )
    ],
    outcomes=[
        (
            "Successful matches",
            "취업 연결 건수",
            "matches/year",
            None,
            310,
            "Job centre records, 2004",
            "취업지원센터 기록(2004년)",
        )
    ],
    contact=("채윤아", "yuna.chae@example.go.kr"),
)

case(
    N,
    "2005-yangpyeong-eco-agriculture-brand",
    "31380",
    "PM",
    False,
    title=("Eco-Friendly Agriculture County Brand", "친환경농업 군 브랜드"),
    summary=(
        "Yangpyeong-gun promoted its organic farming, practised upstream of Seoul's water source, under "
        "a single county brand.",
        "양평군은 서울 상수원 상류에서 짓는 유기농업을 하나의 군 브랜드로 알렸다.",
    ),
    desc=(
        "Farming in Yangpyeong is restricted to protect the Han River water supply. The county turned the "
        "restriction into an asset by supporting organic certification and a joint brand. Direct sales to "
        "apartment complexes in Seoul were arranged through residents' associations.",
        "양평의 농업은 한강 상수원 보호를 위해 제한을 받는다. 군은 유기농 인증과 공동 브랜드를 지원하여 "
        "이 제약을 자산으로 바꾸었다. 서울 아파트 단지와는 주민 모임을 통해 직거래를 주선하였다.",
    ),
    started="2003-04-01",
    champion="county_governor",
    participation="involve",
    participants=["citizens", "private_firms"],
    obstacles=[
        ("CI", "Conventional farmers felt excluded from the brand.", "일반 농가는 브랜드에서 배제되었다고 느꼈다.")
    ],
    remedies=[
        (
            "IC",
            "Conversion support and mentoring by organic farmers were offered to conventional farmers.",
            "일반 농가에 전환 지원과 유기농 농가의 멘토링을 제공하였다.",
        )
    ],
    outcomes=[
        (
            "Certified organic farms",
            "유기농 인증 농가",
            "farms",
            210,
            480,
            "County certification register, 2003 and 2004",
            "군 인증 대장(2003년, 2004년)",
        )
    ],
    contact=("변지호", "jiho.byun@example.go.kr"),
)

case(
    N,
    "2005-damyang-bamboo-brand",
    "36310",
    "PM",
    False,
    title=("Damyang Bamboo Forest Trails and Bamboo Products", "담양 대숲 산책로와 대나무 상품"),
    summary=(
        "Damyang-gun opened trails through its bamboo forests and developed bamboo products under a county brand.",
        "담양군은 대나무 숲에 산책로를 열고 군 브랜드로 대나무 상품을 개발하였다.",
    ),
    desc=(
        "Bamboo crafts in Damyang had declined as plastic replaced them. The county opened walking trails "
        "through bamboo groves and supported new products such as bamboo charcoal and tea. A festival in "
        "spring brings craftsmen and visitors together.",
        "담양의 죽세공예는 플라스틱 제품에 밀려 쇠퇴하였다. 군은 대숲에 산책로를 만들고 대나무 숯과 "
        "대나무 차 같은 새 상품을 지원하였다. 봄 축제에서 장인과 방문객이 만난다.",
    ),
    started="2003-05-01",
    champion="county_governor",
    participation="consult",
    participants=["citizens", "private_firms"],
    obstacles=[
        ("LR", "The county had little money for trail maintenance.", "군에는 산책로를 관리할 예산이 부족하였다.")
    ],
    remedies=[
        (
            "IC",
            "Village associations took over trail upkeep in exchange for stall space at the festival.",
            "마을 모임이 축제 판매 공간을 받는 대신 산책로 관리를 맡았다.",
        )
    ],
    outcomes=[
        (
            "Trail visitors",
            "산책로 방문객",
            "persons/year",
            80000,
            190000,
            "Visitor counts, 2003 and 2004",
            "방문객 집계(2003년, 2004년)",
        )
    ],
    contact=("나은별", "eunbyul.na@example.go.kr"),
)

case(
    N,
    "2005-mokpo-parking-information",
    "36010",
    "SI",
    True,
    title=("Real-Time Parking Information in the Old Town", "원도심 실시간 주차 정보"),
    summary=(
        "Mokpo showed the number of free spaces in public car parks on signs and on the web to reduce "
        "cruising in the old town.",
        "목포시는 공영주차장의 빈 자리 수를 안내판과 인터넷으로 알려 원도심에서 주차 공간을 찾아 헤매는 차량을 줄였다.",
    ),
    desc=(
        "Drivers in Mokpo's old town circled narrow streets looking for parking. The city fitted public car "
        "parks with counters and put up signs showing free spaces at the main entrances to the area. The "
        "same information is available on the city website.",
        "목포 원도심에서는 운전자들이 주차 공간을 찾아 좁은 길을 맴돌았다. 시는 공영주차장에 계수 장치를 "
        "달고 원도심 주요 입구에 빈 자리 수를 보여 주는 안내판을 세웠다. 같은 정보를 시 홈페이지에서도 "
        "볼 수 있다.",
    ),
    ict_desc="Car park counters, variable message signs and web publication.",
    started="2004-04-01",
    champion="mayor",
    participation="none",
    participants=[],
    obstacles=[
        (
            "LR",
            "Only a few car parks could be equipped in the first year.",
            "첫해에는 몇몇 주차장에만 장비를 설치할 수 있었다.",
        )
    ],
    remedies=[
        ("RP", "The project started with the four largest car parks.", "가장 큰 주차장 네 곳부터 사업을 시작하였다.")
    ],
    outcomes=[
        (
            "Occupancy of public car parks",
            "공영주차장 이용률",
            "%",
            52,
            64,
            "Car park records, 2004",
            "주차장 기록(2004년)",
        )
    ],
    contact=("진하람", "haram.jin@example.go.kr"),
)

case(
    N,
    "2006-jeonnam-island-stay-programme",
    "36",
    "PM",
    False,
    title=("Island Village Stay Programme", "섬마을 머물기 프로그램"),
    summary=(
        "South Jeolla Province supported island villages in offering homestays, fishing experiences "
        "and local meals to visitors.",
        "전라남도는 섬마을이 방문객에게 민박과 어업 체험, 향토 음식을 제공하도록 지원하였다.",
    ),
    desc=(
        "The province has more islands than any other, most of them losing population. It selected island "
        "villages to renovate rooms, train hosts and develop fishing and tidal flat experiences. A joint "
        "booking service links the villages with ferry timetables.",
        "전남에는 어느 지역보다 많은 섬이 있고 대부분 인구가 줄고 있다. 도는 섬마을을 골라 객실을 고치고 "
        "민박 주인을 교육하며 어업·갯벌 체험을 개발하였다. 공동 예약 서비스가 마을과 여객선 시간표를 "
        "연결한다.",
    ),
    started="2005-04-01",
    champion="governor",
    participation="involve",
    participants=["citizens", "other_governments"],
    obstacles=[
        (
            "LR",
            "Renovation costs were high relative to expected visitor numbers.",
            "예상 방문객 수에 비해 개보수 비용이 컸다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Counties and village cooperatives shared costs with the province.",
            "시·군과 마을 공동체가 도와 비용을 나누었다.",
        )
    ],
    outcomes=[
        (
            "Overnight visitors in participating villages",
            "참여 마을 숙박 방문객",
            "persons/year",
            None,
            14500,
            "Village booking records, 2005",
            "마을 예약 기록(2005년)",
        )
    ],
    contact=("위다솜", "dasom.wi@example.go.kr"),
)

case(
    N,
    "2006-daejeon-library-network",
    "25",
    "SI",
    True,
    title=("Citywide Library Network with Interlibrary Delivery", "도서관 통합 네트워크와 상호대차"),
    summary=(
        "Daejeon linked the catalogues of its public libraries and offered delivery of books between libraries.",
        "대전광역시는 공공도서관의 장서 목록을 연결하고 도서관 사이의 책 배달 서비스를 제공하였다.",
    ),
    desc=(
        "Daejeon's public libraries were run by the city, its districts and the education office, each "
        "with its own catalogue. The city created a common search website and a van service that moves "
        "requested books between libraries twice a week. One card can be used in all participating "
        "libraries.",
        "대전의 공공도서관은 시·구·교육청이 각각 운영하여 목록이 따로였다. 시는 공동 검색 웹사이트를 "
        "만들고 신청한 책을 일주일에 두 번 도서관 사이로 옮기는 차량 서비스를 도입하였다. 카드 한 장으로 "
        "모든 참여 도서관을 이용할 수 있다.",
    ),
    ict_desc="Federated catalogue search website and shared membership database.",
    started="2005-03-01",
    champion="mayor",
    participation="consult",
    participants=["citizens"],
    obstacles=[
        (
            "LC",
            "The education office's libraries joined only after long negotiations.",
            "교육청 소속 도서관은 오랜 협의 끝에야 참여하였다.",
        )
    ],
    remedies=[
        (
            "IC",
            "A library council with the districts and the education office set shared rules.",
            "구·교육청과 도서관 협의회를 만들어 공동 규칙을 정하였다.",
        )
    ],
    outcomes=[
        (
            "Interlibrary loans",
            "상호대차 건수",
            "books/year",
            None,
            36000,
            "Library network statistics, 2005",
            "도서관 네트워크 통계(2005년)",
        )
    ],
    contact=("탁지원", "jiwon.tak@example.go.kr"),
)

case(
    N,
    "2006-cheongju-senior-jobs",
    "33010",
    "SI",
    False,
    title=("Community Jobs for Older Residents", "어르신 지역사회 일자리"),
    summary=(
        "Cheongju created part-time community jobs for older residents, such as school safety guards and park guides.",
        "청주시는 어르신을 위한 등하굣길 안전 지킴이, 공원 안내 같은 시간제 지역사회 일자리를 만들었다.",
    ),
    desc=(
        "Many healthy older residents wanted meaningful work and a small income. The city designed "
        "part-time jobs with schools, parks and welfare centres and trained the participants. Senior "
        "welfare centres match people to jobs near their homes.",
        "건강한 어르신 상당수가 보람 있는 일과 약간의 소득을 원하였다. 시는 학교·공원·복지관과 함께 "
        "시간제 일자리를 설계하고 참여자를 교육하였다. 노인복지관이 집 가까운 일자리를 연결한다.",
    ),
    started="2005-02-01",
    champion="mayor",
    participation="involve",
    participants=["citizens", "ngos"],
    obstacles=[
        ("LR", "Funding covered only half of the applicants.", "예산으로는 신청자의 절반만 참여시킬 수 있었다.")
    ],
    remedies=[
        (
            "IC",
            "Schools and private firms co-funded some of the positions.",
            "학교와 민간 기업이 일부 일자리의 비용을 함께 부담하였다.",
        )
    ],
    outcomes=[
        (
            "Older residents employed",
            "참여 어르신",
            "persons",
            300,
            820,
            "Senior welfare centre records, 2004 and 2005",
            "노인복지관 기록(2004년, 2005년)",
        )
    ],
    contact=("길소윤", "soyun.gil@example.go.kr"),
)

case(
    N,
    "2006-chuncheon-food-street-online-map",
    "32010",
    "PM",
    True,
    title=("Online Map of Chuncheon's Dakgalbi and Makguksu Streets", "춘천 닭갈비·막국수 거리 온라인 지도"),
    summary=(
        "Chuncheon published an online map and guide to its local food streets, with restaurant "
        "information in four languages.",
        "춘천시는 지역 음식 거리의 온라인 지도와 안내를 4개 언어로 식당 정보와 함께 제공하였다.",
    ),
    desc=(
        "Visitors drawn by television dramas came to Chuncheon looking for its local dishes. The city "
        "published a map of restaurants with menus, prices and hygiene grades in Korean, English, Japanese "
        "and Chinese. Restaurants update their own entries.",
        "드라마를 보고 온 관광객들이 춘천의 향토 음식을 찾았다. 시는 식당의 메뉴·가격·위생 등급을 한국어·"
        "영어·일본어·중국어로 담은 지도를 공개하였다. 식당이 자기 정보를 직접 갱신한다.",
    ),
    ict_desc="Multilingual web map of restaurants with self-service updates.",
    started="2005-05-01",
    champion="mayor",
    participation="consult",
    participants=["private_firms"],
    obstacles=[
        (
            "CI",
            "Restaurants disagreed over how they were ranked on the map.",
            "식당들이 지도에 표시되는 순서를 두고 의견이 갈렸다.",
        )
    ],
    remedies=[
        (
            "RP",
            "Rankings were dropped and restaurants listed alphabetically by street.",
            "순위를 없애고 거리별 가나다순으로 식당을 표시하였다.",
        )
    ],
    outcomes=[
        (
            "Visits to the online map",
            "온라인 지도 방문",
            "visits/month",
            None,
            21000,
            "Web statistics, 2005",
            "웹 통계(2005년)",
        )
    ],
    contact=("표하진", "hajin.pyo@example.go.kr"),
)

case(
    N,
    "2006-haeundae-off-season-beach-culture",
    "21090",
    "PM",
    False,
    title=("Off-Season Beach Culture Programme", "비수기 해수욕장 문화 프로그램"),
    summary=(
        "Haeundae-gu filled the beach off-season with weekend concerts, sand sculpture and a polar bear swim.",
        "해운대구는 해수욕장 비수기를 주말 공연, 모래 조각, 북극곰 수영대회로 채웠다.",
    ),
    desc=(
        "Haeundae's shops and hotels depended on a short summer season. The district organised weekend "
        "events through spring, autumn and winter with local artists and merchants. Merchants' associations "
        "shared the costs of the events.",
        "해운대의 상가와 호텔은 짧은 여름 한철에 의존하였다. 구는 지역 예술인·상인과 함께 봄·가을·겨울 "
        "주말 행사를 열었다. 상인회가 행사 비용을 함께 부담하였다.",
    ),
    started="2005-03-01",
    champion="district_mayor",
    participation="involve",
    participants=["private_firms", "citizens"],
    obstacles=[
        (
            "CI",
            "Residents near the beach complained about noise from the events.",
            "해변 인근 주민들이 행사 소음에 불만을 제기하였다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Event hours and stage locations were agreed with residents' associations.",
            "행사 시간과 무대 위치를 주민 모임과 합의하였다.",
        )
    ],
    outcomes=[
        (
            "Off-season weekend visitors",
            "비수기 주말 방문객",
            "persons/weekend",
            18000,
            26000,
            "District visitor estimates, 2004 and 2005",
            "구 방문객 추정(2004년, 2005년)",
        )
    ],
    contact=("황보준", "jun.hwangbo@example.go.kr"),
)

case(
    N,
    "2006-suseong-education-information-portal",
    "22060",
    "SI",
    True,
    title=("Education Information Portal for Parents", "학부모를 위한 교육정보 포털"),
    summary=(
        "Suseong-gu opened a website gathering information on schools, libraries, after-school "
        "programmes and scholarships in the district.",
        "수성구는 관내 학교·도서관·방과후 프로그램·장학금 정보를 모은 웹사이트를 열었다.",
    ),
    desc=(
        "Suseong-gu attracts families for its schools, and parents asked for reliable information in one "
        "place. The district gathered information from schools, the education office and community centres "
        "into a portal. Parents receive notices of new programmes by e-mail.",
        "수성구는 학교 때문에 가족들이 많이 찾는 곳으로, 학부모들은 믿을 만한 정보를 한곳에서 얻기를 "
        "원하였다. 구는 학교·교육청·주민센터의 정보를 모아 포털을 만들었다. 학부모는 새 프로그램 소식을 "
        "전자우편으로 받는다.",
    ),
    ict_desc="Education information portal aggregating school and community programme data, with e-mail notices.",
    started="2005-03-01",
    champion="district_mayor",
    participation="consult",
    participants=["citizens", "other_governments"],
    obstacles=[("LC", "Schools were slow to send programme information.", "학교들의 프로그램 정보 제공이 늦었다.")],
    remedies=[
        (
            "IC",
            "The education office asked schools to nominate a contact person for the portal.",
            "교육청이 학교마다 포털 담당자를 지정하도록 요청하였다.",
        )
    ],
    outcomes=[
        ("Registered parents", "가입 학부모", "persons", None, 9400, "Portal statistics, 2005", "포털 통계(2005년)")
    ],
    contact=("국하린", "harin.kook@example.go.kr"),
)

case(
    N,
    "2006-hwacheon-winter-ice-festival",
    "32370",
    "PM",
    False,
    title=("Winter Ice Fishing Festival", "겨울 얼음낚시 축제"),
    summary=(
        "Hwacheon-gun turned its frozen river into a winter festival of ice fishing and sledging.",
        "화천군은 얼어붙은 강을 얼음낚시와 썰매의 겨울 축제장으로 만들었다.",
    ),
    desc=(
        "Hwacheon-gun is a small border county that saw few visitors in winter. The county organised a "
        "festival on the frozen river with ice fishing, sledging and local food stalls run by villages. "
        "Soldiers from nearby units help with safety and setting up.",
        "화천군은 겨울에 방문객이 거의 없는 접경 지역의 작은 군이다. 군은 얼어붙은 강에서 얼음낚시·썰매와 "
        "마을이 운영하는 향토 음식 장터로 축제를 열었다. 인근 부대 장병들이 안전 관리와 행사 준비를 "
        "돕는다.",
    ),
    started="2004-01-10",
    champion="county_governor",
    participation="involve",
    participants=["citizens", "other_governments"],
    obstacles=[
        (
            "LG",
            "Safety rules for events on river ice were unclear.",
            "강 얼음 위 행사에 관한 안전 규정이 분명하지 않았다.",
        )
    ],
    remedies=[
        (
            "IP",
            "A county safety code set minimum ice thickness and crowd limits.",
            "군 안전 기준으로 최소 얼음 두께와 수용 인원을 정하였다.",
        )
    ],
    outcomes=[
        (
            "Festival visitors",
            "축제 방문객",
            "persons",
            220000,
            850000,
            "County visitor counts, 2004 and 2005 festivals",
            "군 방문객 집계(2004년, 2005년 축제)",
        )
    ],
    contact=("설가온", "gaon.seol@example.go.kr"),
)

# ---------------------------------------------------------------------------------------------
# Open cycle 2007: drafts and submitted cases (illustrative)
# ---------------------------------------------------------------------------------------------
S = CYCLE_2007

case(
    S,
    "2007-gumi-foreign-worker-one-stop",
    "37050",
    "SI",
    False,
    state="submitted",
    title=(
        "One-Stop Support Desk for Foreign Workers in the Industrial Complex",
        "산업단지 외국인 근로자 원스톱 지원창구",
    ),
    summary=(
        "Gumi opened a desk in the national industrial complex where foreign workers can get help with "
        "residence, wages, health and daily life in their own language.",
        "구미시는 국가산업단지 안에 외국인 근로자가 체류·임금·건강·생활 문제를 자국어로 상담받을 수 있는 "
        "창구를 열었다.",
    ),
    desc=(
        "Thousands of foreign workers are employed by small and medium firms in Gumi's industrial complex. "
        "The city opened a support desk with interpreters on weekday evenings and Sundays, working with the "
        "labour office and local hospitals. Firms refer new workers to an orientation session at the desk.",
        "구미 산업단지의 중소기업에는 수천 명의 외국인 근로자가 일하고 있다. 시는 노동사무소·지역 병원과 "
        "함께 평일 저녁과 일요일에 통역이 상주하는 지원창구를 열었다. 기업은 새로 온 근로자를 창구의 "
        "안내 교육에 보낸다.",
    ),
    started="2006-03-01",
    champion="mayor",
    participation="involve",
    participants=["private_firms", "ngos"],
    obstacles=[
        (
            "LX",
            "The city had no staff who spoke the workers' languages.",
            "시에는 근로자들의 언어를 하는 직원이 없었다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Migrant support groups and firms supplied interpreters and volunteers.",
            "이주민 지원 단체와 기업이 통역과 자원봉사자를 지원하였다.",
        )
    ],
    outcomes=[("Counselling cases", "상담 건수", "cases/year", None, 1600, "Desk records, 2006", "창구 기록(2006년)")],
    contact=("장현우", "hyunwoo.jang@example.go.kr"),
)

case(
    S,
    "2007-gumi-mobile-factory-safety-inspection",
    "37050",
    "SI",
    True,
    state="draft",
    title=("Mobile Field Inspection of Factory Safety", "공장 안전 모바일 현장점검"),
    summary=(
        "Gumi is equipping its inspectors with hand-held terminals to record factory safety inspections "
        "on site and share results with firms the same day.",
        "구미시는 점검 공무원에게 휴대용 단말기를 지급하여 공장 안전점검 결과를 현장에서 기록하고 당일 "
        "기업과 공유하려 한다.",
    ),
    desc=(
        "Safety inspections of factories were recorded on paper and typed up later, so firms waited weeks "
        "for results. The city is piloting hand-held terminals that load the inspection history of each "
        "factory and send the findings to the firm by e-mail. The draft is still being completed.",
        "공장 안전점검은 종이에 기록한 뒤 나중에 입력하였기 때문에 기업은 결과를 몇 주씩 기다려야 했다. "
        "시는 공장별 점검 이력을 불러오고 점검 결과를 기업에 전자우편으로 보내는 휴대용 단말기를 시범 "
        "운영하고 있다. 신청서는 아직 작성 중이다.",
    ),
    ict_desc="Hand-held inspection terminals with wireless access to the factory register.",
    started="2006-07-01",
    champion="deputy_mayor",
    participation="inform",
    participants=["private_firms"],
    obstacles=[
        (
            "LR",
            "Terminals for all inspectors were not in this year's budget.",
            "모든 점검 공무원의 단말기 예산이 올해 반영되지 않았다.",
        )
    ],
    remedies=[("RP", "The pilot is limited to one inspection team.", "시범 운영을 한 점검반으로 한정하였다.")],
    outcomes=[
        (
            "Days until the firm receives inspection results",
            "기업이 점검 결과를 받기까지 걸리는 날",
            "days",
            18,
            1,
            "Pilot team records, 2006",
            "시범 점검반 기록(2006년)",
        )
    ],
    contact=("장현우", "hyunwoo.jang@example.go.kr"),
)

case(
    S,
    "2007-seosan-bird-eco-education",
    "34050",
    "PM",
    False,
    state="draft",
    title=("Migratory Bird Eco-Education for Visiting Schools", "방문 학교를 위한 철새 생태교육"),
    summary=(
        "Seosan plans eco-education programmes on the migratory birds of Cheonsu Bay for visiting "
        "school groups, led by trained residents.",
        "서산시는 교육받은 주민이 이끄는 천수만 철새 생태교육 프로그램을 방문 학교 단체에 제공하려 한다.",
    ),
    desc=(
        "Building on the bird website, the city wants to bring school groups to Cheonsu Bay in the "
        "migration season. Residents and environmental groups would be trained as guides, and farmers "
        "would host lunches with bird-brand rice. The draft is still being completed.",
        "시는 철새 웹사이트의 성과를 바탕으로 철새 도래기에 학교 단체를 천수만으로 부르려 한다. 주민과 "
        "환경단체 회원을 안내자로 교육하고, 농가는 철새 브랜드 쌀로 점심을 대접할 계획이다. 신청서는 아직 "
        "작성 중이다.",
    ),
    started="2006-09-01",
    champion="mayor",
    participation="collaborate",
    participants=["citizens", "ngos"],
    obstacles=[
        (
            "LC",
            "Schools are hesitant to schedule trips far from their cities.",
            "학교들이 먼 곳으로의 체험학습 일정을 잡는 데 망설인다.",
        )
    ],
    remedies=[
        (
            "IC",
            "The city is working with education offices to include the programme in their lists.",
            "시는 교육청과 협의하여 프로그램을 체험학습 목록에 넣으려 하고 있다.",
        )
    ],
    outcomes=[
        (
            "Pupils taking part in the pilot",
            "시범 참여 학생",
            "pupils",
            None,
            600,
            "Pilot bookings, autumn 2006",
            "시범 예약 기록(2006년 가을)",
        )
    ],
    contact=("유지연", "jiyeon.yoo@example.go.kr"),
)

case(
    S,
    "2007-jeonbuk-joint-farm-brand",
    "35",
    "PM",
    False,
    state="submitted",
    title=("Provincial Joint Brand for Farm Products", "도 농산물 공동 브랜드"),
    summary=(
        "North Jeolla Province brought the many city and county farm brands together under one "
        "provincial brand with common quality standards.",
        "전라북도는 시·군의 여러 농산물 브랜드를 공통 품질 기준을 갖춘 하나의 도 브랜드로 묶었다.",
    ),
    desc=(
        "Each city and county in the province had its own farm brands, too small to be known in the big "
        "markets. The province created a joint brand with common standards and joint promotion, leaving "
        "local names as sub-brands. Supermarket chains were approached as partners.",
        "도내 시·군마다 농산물 브랜드가 따로 있었지만 대도시 시장에서 알려지기에는 규모가 작았다. 도는 "
        "공통 기준과 공동 홍보를 갖춘 공동 브랜드를 만들고 지역 이름은 하위 브랜드로 남겼다. 대형 유통업체를 "
        "협력 상대로 찾았다.",
    ),
    started="2006-02-01",
    champion="governor",
    participation="consult",
    participants=["private_firms", "other_governments"],
    obstacles=[
        (
            "CI",
            "Counties with well-known brands feared losing their identity.",
            "이름난 브랜드를 가진 시·군은 고유한 이미지를 잃을까 걱정하였다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Local names were kept as sub-brands on every package.",
            "모든 포장에 지역 이름을 하위 브랜드로 남기기로 하였다.",
        )
    ],
    outcomes=[
        (
            "Products certified under the joint brand",
            "공동 브랜드 인증 품목",
            "products",
            0,
            37,
            "Brand committee register, 2006",
            "브랜드위원회 대장(2006년)",
        )
    ],
    contact=("맹서연", "seoyeon.maeng@example.go.kr"),
)

case(
    S,
    "2007-daejeon-thirty-million-trees",
    "25",
    "SI",
    False,
    state="submitted",
    title=("Planting Thirty Million Trees with Citizens", "시민과 함께하는 3천만 그루 나무 심기"),
    summary=(
        "Daejeon set a long-term goal of planting thirty million trees with citizens, schools and firms "
        "to cool the city and link its green spaces.",
        "대전광역시는 도시를 시원하게 하고 녹지를 잇기 위해 시민·학교·기업과 함께 3천만 그루를 심는 장기 "
        "목표를 세웠다.",
    ),
    desc=(
        "Daejeon's fast growth left many neighbourhoods with little green space. The city mapped sites "
        "for planting and invited citizens, schools and firms to plant and care for trees, with donations "
        "recorded on a public register. Planting is coordinated with the districts.",
        "대전은 빠르게 성장하면서 녹지가 적은 동네가 많아졌다. 시는 나무를 심을 곳을 조사하고 시민·학교·"
        "기업이 나무를 심고 가꾸도록 하였으며, 기증 내역을 공개 대장에 기록한다. 식재는 구와 조정한다.",
    ),
    started="2006-04-05",
    champion="mayor",
    participation="involve",
    participants=["citizens", "private_firms", "ngos"],
    obstacles=[
        (
            "LR",
            "Land and maintenance costs limit the number of sites.",
            "토지와 유지관리 비용 때문에 식재 장소가 제한된다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Firms and residents' associations adopt planted sites and share their upkeep.",
            "기업과 주민 모임이 식재지를 입양하여 관리를 나누어 맡는다.",
        )
    ],
    outcomes=[("Trees planted", "심은 나무", "trees", None, 1200000, "Planting register, 2006", "식재 대장(2006년)")],
    contact=("소하은", "haeun.so@example.go.kr"),
)

case(
    S,
    "2007-gangnam-petition-status-online",
    "11230",
    "SI",
    True,
    state="draft",
    title=("Real-Time Online Status of Civil Petitions", "민원 처리 실시간 온라인 공개"),
    summary=(
        "Gangnam-gu plans to show the processing status and expected completion date of every civil petition online.",
        "강남구는 모든 민원의 처리 상황과 완료 예정일을 인터넷에 공개하려 한다.",
    ),
    desc=(
        "Residents of Gangnam-gu often phoned to ask about their petitions. The district wants to publish "
        "the status of each petition in real time, with the responsible officer and the expected completion "
        "date. The draft is still being completed.",
        "강남구 주민들은 민원 처리 상황을 묻는 전화를 자주 걸었다. 구는 민원별 처리 상황을 담당자와 완료 "
        "예정일과 함께 실시간으로 공개하려 한다. 신청서는 아직 작성 중이다.",
    ),
    ict_desc="Web status page linked to the civil petition processing system.",
    started="2006-10-01",
    champion="district_mayor",
    participation="inform",
    participants=["citizens"],
    obstacles=[
        (
            "CI",
            "Some departments worry that public delays will be used against them.",
            "일부 부서는 지연 사실이 공개되어 불리하게 쓰일까 우려한다.",
        )
    ],
    remedies=[
        (
            "IC",
            "Section chiefs agreed on which delays are shown with reasons.",
            "과장들과 어떤 지연을 사유와 함께 보여 줄지 합의하였다.",
        )
    ],
    outcomes=[
        (
            "Petitions shown online",
            "온라인 공개 민원",
            "%",
            0,
            40,
            "Pilot statistics, late 2006",
            "시범 운영 통계(2006년 말)",
        )
    ],
    contact=("엄도현", "dohyun.eom@example.go.kr"),
)

case(
    S,
    "2007-changwon-public-bicycles",
    "38010",
    "SI",
    True,
    state="submitted",
    title=("Public Bicycle Sharing Pilot", "공영자전거 시범 운영"),
    summary=(
        "Changwon piloted public bicycles that can be borrowed at unmanned terminals with a transport card.",
        "창원시는 교통카드로 무인 대여소에서 빌릴 수 있는 공영자전거를 시범 운영하였다.",
    ),
    desc=(
        "Changwon is a planned city with wide roads and many short trips by car. The city piloted "
        "bicycle stations at bus stops and public buildings, where bicycles are borrowed with a transport "
        "card. Usage data is used to plan a citywide network.",
        "창원은 넓은 도로를 가진 계획도시로 짧은 거리도 자동차로 다니는 경우가 많다. 시는 버스정류장과 "
        "공공건물에 자전거 대여소를 두고 교통카드로 빌리도록 시범 운영하였다. 이용 자료는 시 전역 "
        "대여망을 계획하는 데 쓰인다.",
    ),
    ict_desc="Unmanned stations with transport card readers and a central usage database.",
    started="2006-05-01",
    champion="mayor",
    participation="consult",
    participants=["citizens"],
    obstacles=[
        (
            "LG",
            "Liability for accidents on public bicycles was unclear.",
            "공영자전거 사고에 대한 책임이 분명하지 않았다.",
        )
    ],
    remedies=[
        ("IP", "The city took out group insurance for all riders.", "시가 모든 이용자를 위한 단체보험에 가입하였다.")
    ],
    outcomes=[
        (
            "Rentals during the pilot",
            "시범 기간 대여 건수",
            "rentals",
            None,
            54000,
            "Station logs, 2006",
            "대여소 기록(2006년)",
        )
    ],
    contact=("봉지수", "jisu.bong@example.go.kr"),
)

case(
    S,
    "2007-wando-abalone-online-sales",
    "36460",
    "PM",
    True,
    state="draft",
    title=("Online Direct Sales of Wando Abalone", "완도 전복 온라인 직거래"),
    summary=(
        "Wando-gun plans an online shop for abalone and seaweed farmers, with traceability labels "
        "showing the farm and harvest date.",
        "완도군은 양식장과 수확일을 보여 주는 이력 표시를 붙인 전복·해조류 온라인 직판장을 계획하고 있다.",
    ),
    desc=(
        "Most of Korea's farmed abalone comes from Wando, but farmers sell through wholesalers at low "
        "prices. The county plans an online shop with traceability labels and chilled delivery. The draft "
        "is still being completed.",
        "우리나라 양식 전복 대부분이 완도에서 나오지만 어민들은 도매상을 통해 낮은 값에 판다. 군은 이력 "
        "표시와 냉장 배송을 갖춘 온라인 직판장을 계획하고 있다. 신청서는 아직 작성 중이다.",
    ),
    ict_desc="Online shop with traceability labels and courier integration.",
    started="2006-08-01",
    champion="county_governor",
    participation="consult",
    participants=["citizens", "private_firms"],
    obstacles=[
        ("LX", "Fishing households have little experience of online sales.", "어가들은 온라인 판매 경험이 거의 없다.")
    ],
    remedies=[
        (
            "IC",
            "The fisheries cooperative will handle packing and customer service.",
            "수협이 포장과 고객 응대를 맡기로 하였다.",
        )
    ],
    outcomes=[
        (
            "Farms preparing to sell online",
            "온라인 판매를 준비하는 어가",
            "farms",
            None,
            35,
            "County survey, 2006",
            "군 조사(2006년)",
        )
    ],
    contact=("천바다", "bada.cheon@example.go.kr"),
)


# ---------------------------------------------------------------------------------------------
def load_registry():
    with open(REGISTRY, newline="", encoding="utf-8") as fh:
        return {row["code"]: row for row in csv.DictReader(fh)}


def fill_populations(registry):
    for c in AWARDED + NOT_AWARDED + CYCLE_2007:
        c["population"] = int(registry[c["government_code"]]["population"])
    for tier, target in TIER_POPULATION_SUMS.items():
        in_tier = [c for c in AWARDED if registry[c["government_code"]]["tier"] == tier]
        delta = target - sum(c["population"] for c in in_tier)
        if delta == 0:
            continue
        marked = [c for c in in_tier if c["_adjust"]]
        if len(marked) != 1:
            sys.exit(f"{tier}: registry sum is off by {delta}; exactly one case must be marked adjust=True")
        c = marked[0]
        if abs(delta) > MAX_ADJUST * c["population"]:
            sys.exit(f"{tier}: adjustment {delta} exceeds {MAX_ADJUST:.0%} of {c['key']}'s population")
        c["population"] += delta
        c["population_adjusted"] = True
    for c in AWARDED + NOT_AWARDED + CYCLE_2007:
        del c["_adjust"]


def main():
    registry = load_registry()
    fill_populations(registry)
    data = {"awarded": AWARDED, "not_awarded": NOT_AWARDED, "cycle_2007": CYCLE_2007}
    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(
        f"wrote {OUT}: {len(AWARDED)} awarded, {len(NOT_AWARDED)} not awarded, "
        f"{len(CYCLE_2007)} in cycle 2007, {os.path.getsize(OUT)} bytes"
    )


if __name__ == "__main__":
    main()
