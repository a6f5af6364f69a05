<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Translation</name>
    <message>
      <source>version</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>katz</name>
    <message>
      <source>Katz Index of Independence in Activities of Daily Living</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Katz ADL</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>For each activity, choose the description that applies. Independent means no supervision, direction or personal assistance; supervision, direction or cueing counts as dependent.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bathing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Supervision, direction, cueing or personal assistance counts as dependent.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Independent: bathes self completely, or needs help with one part of the body only (back, genital area, a disabled limb)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dependent: needs help with more than one part, getting in or out of the tub or shower, or total bathing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dressing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Independent: takes clothes from closets and drawers and puts them on, fasteners included; help tying shoes is allowed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dependent: needs help dressing, or must be dressed completely</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Toileting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Independent: goes to the toilet, gets on and off, arranges clothes, cleans the genital area without help</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dependent: needs help transferring to the toilet or cleaning, or uses a bedpan or commode</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Transferring</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Independent: moves in and out of bed or chair without help; mechanical aids are acceptable</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dependent: needs help from bed to chair, or a complete transfer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Continence</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Independent: complete self-control of urination and defecation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dependent: partly or totally incontinent of bowel or bladder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Feeding</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Independent: gets food from plate to mouth without help; another person may prepare the food</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dependent: needs partial or total help with feeding, or parenteral feeding</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>directions</name>
    <message>
      <source>higher = more independent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>higher = more comorbidity</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>higher = worse</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>higher = better</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 = baseline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>higher = more risk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>higher = frailer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>fit &lt; intermediate &lt; frail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>non-frail &lt; frail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>higher = more dependent</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>lawton</name>
    <message>
      <source>Lawton-Brody Instrumental Activities of Daily Living Scale</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lawton IADL</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>For each domain, choose the one option that best describes the person's highest current level of function. All eight domains are scored for men and women alike.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ability to use the telephone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the one option that best describes the person's highest current level of function.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Operates the telephone on own initiative, looks up and dials numbers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1. Operates the telephone on own initiative, looks up and dials numbers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dials a few well-known numbers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>2. Dials a few well-known numbers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Answers but does not dial</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>3. Answers but does not dial</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Does not use the telephone at all</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>4. Does not use the telephone at all</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Shopping</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Takes care of all shopping independently</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1. Takes care of all shopping independently</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Shops independently for small purchases only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>2. Shops independently for small purchases only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Needs to be accompanied on any shopping trip</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>3. Needs to be accompanied on any shopping trip</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Completely unable to shop</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>4. Completely unable to shop</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Food preparation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Plans, prepares and serves adequate meals independently</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1. Plans, prepares and serves adequate meals independently</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Prepares adequate meals if supplied with ingredients</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>2. Prepares adequate meals if supplied with ingredients</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Heats and serves prepared meals, or prepares meals but does not keep an adequate diet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>3. Heats and serves prepared meals, or prepares meals but does not keep an adequate diet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Needs meals prepared and served</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>4. Needs meals prepared and served</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Housekeeping</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maintains the house alone or with occasional help for heavy work</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1. Maintains the house alone or with occasional help for heavy work</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Performs light daily tasks such as dishwashing and bed making</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>2. Performs light daily tasks such as dishwashing and bed making</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Performs light tasks but cannot keep an acceptable level of cleanliness</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>3. Performs light tasks but cannot keep an acceptable level of cleanliness</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Needs help with all home maintenance tasks</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>4. Needs help with all home maintenance tasks</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Does not take part in any housekeeping</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>5. Does not take part in any housekeeping</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Laundry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Does personal laundry completely</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1. Does personal laundry completely</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Launders small items (socks, stockings)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>2. Launders small items (socks, stockings)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All laundry must be done by others</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>3. All laundry must be done by others</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mode of transportation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Travels independently by public transport or drives own car</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1. Travels independently by public transport or drives own car</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Arranges own travel by taxi but does not otherwise use public transport</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>2. Arranges own travel by taxi but does not otherwise use public transport</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Travels by public transport when accompanied</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>3. Travels by public transport when accompanied</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Travel limited to taxi or car with help of another person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>4. Travel limited to taxi or car with help of another person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Does not travel at all</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>5. Does not travel at all</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Responsibility for own medications</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Takes the right medication in the right dose at the right time on own responsibility</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1. Takes the right medication in the right dose at the right time on own responsibility</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Takes responsibility if medication is prepared in advance in separate doses</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>2. Takes responsibility if medication is prepared in advance in separate doses</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Is not capable of dispensing own medication</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>3. Is not capable of dispensing own medication</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ability to handle finances</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Manages financial matters independently (budgets, pays bills, goes to the bank), keeps track of income</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1. Manages financial matters independently (budgets, pays bills, goes to the bank), keeps track of income</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Manages day-to-day purchases but needs help with banking and major purchases</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>2. Manages day-to-day purchases but needs help with banking and major purchases</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Incapable of handling money</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>3. Incapable of handling money</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Operates the telephone on own initiative, looks up and dials numbers (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dials a few well-known numbers (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Answers but does not dial (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Does not use the telephone at all (scores 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Takes care of all shopping independently (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Shops independently for small purchases only (scores 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Needs to be accompanied on any shopping trip (scores 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Completely unable to shop (scores 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Plans, prepares and serves adequate meals independently (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Prepares adequate meals if supplied with ingredients (scores 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Heats and serves prepared meals, or prepares meals but does not keep an adequate diet (scores 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Needs meals prepared and served (scores 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maintains the house alone or with occasional help for heavy work (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Performs light daily tasks such as dishwashing and bed making (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Performs light tasks but cannot keep an acceptable level of cleanliness (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Needs help with all home maintenance tasks (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Does not take part in any housekeeping (scores 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Does personal laundry completely (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Launders small items (socks, stockings) (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All laundry must be done by others (scores 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Travels independently by public transport or drives own car (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Arranges own travel by taxi but does not otherwise use public transport (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Travels by public transport when accompanied (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Travel limited to taxi or car with help of another person (scores 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Does not travel at all (scores 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Takes the right medication in the right dose at the right time on own responsibility (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Takes responsibility if medication is prepared in advance in separate doses (scores 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Is not capable of dispensing own medication (scores 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Manages financial matters independently (budgets, pays bills, goes to the bank), keeps track of income (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Manages day-to-day purchases but needs help with banking and major purchases (scores 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Incapable of handling money (scores 0)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>charlson</name>
    <message>
      <source>Charlson Comorbidity Index</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Charlson CCI</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Answer every condition. Of each graded pair (diabetes, liver disease, solid tumour) only the more severe grade counts. Do not count the patient's own myeloma or plasma cell leukaemia (the index disease). Other cancers, including earlier haematological ones, count.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>CCI</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Myocardial infarction</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: history of definite or probable MI (a clinical event with ECG and/or enzyme changes).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>absent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Yes (weight 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>present</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Congestive heart failure</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: exertional or paroxysmal nocturnal dyspnoea that has responded to diuretics, digitalis or afterload reduction.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Peripheral vascular disease</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: claudication, past bypass for arterial insufficiency, gangrene or acute arterial insufficiency, aortic aneurysm ≥ 6 cm.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cerebrovascular disease</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: stroke with minor or no residua, or TIA.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dementia</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: chronic cognitive deficit.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Chronic pulmonary disease</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: symptomatic chronic lung disease (asthma, chronic bronchitis, emphysema, other).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Connective tissue disease</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: SLE, polymyositis, mixed connective tissue disease, polymyalgia rheumatica, moderate-to-severe rheumatoid arthritis.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Peptic ulcer disease</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: ulcer disease that has needed treatment, bleeding ulcers included.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mild liver disease</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: chronic hepatitis or cirrhosis without portal hypertension.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Diabetes without end-organ damage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: diabetes treated with insulin or oral agents (not diet alone), no end-organ damage.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hemiplegia or paraplegia</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: hemiplegia or paraplegia, whatever the cause.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Yes (weight 2)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Moderate or severe renal disease</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: creatinine &gt; 3 mg/dL (265 µmol/L), dialysis, kidney transplant, or uraemia.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Diabetes with end-organ damage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: diabetic retinopathy, neuropathy or nephropathy.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Solid tumour without metastases</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: solid tumour without metastases, diagnosed or treated in the last 5 years; not non-melanoma skin cancer.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Leukaemia (other than the index disease)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: AML, CML, ALL, CLL, polycythaemia vera — other than the patient's index disease. Do not count the patient's own myeloma or plasma cell leukaemia (the index disease). Other cancers, including earlier haematological ones, count.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lymphoma or myeloma (other than the index disease)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: Hodgkin or non-Hodgkin lymphoma, Waldenström, myeloma — other than the patient's index disease. Do not count the patient's own myeloma or plasma cell leukaemia (the index disease). Other cancers, including earlier haematological ones, count.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Moderate or severe liver disease</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: cirrhosis with portal hypertension, with or without variceal bleeding.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Yes (weight 3)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Metastatic solid tumour</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: solid tumour with documented metastases.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Yes (weight 6)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>AIDS</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick when: definite or probable AIDS (not HIV positivity alone).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Liver disease</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only the more severe grade counts.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No liver disease</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mild: chronic hepatitis or cirrhosis without portal hypertension (weight 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Moderate or severe: cirrhosis with portal hypertension, with or without variceal bleeding (weight 3)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Diabetes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No diabetes, or diabetes treated by diet alone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Treated with insulin or oral agents, no end-organ damage (weight 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>With end-organ damage: retinopathy, neuropathy or nephropathy (weight 2)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Solid tumour (not non-melanoma skin cancer)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Do not count the patient's own myeloma or plasma cell leukaemia (the index disease). Other cancers, including earlier haematological ones, count.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No solid tumour in the last 5 years</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Without metastases, diagnosed or treated in the last 5 years (weight 2)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>With documented metastases (weight 6)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ecog</name>
    <message>
      <source>ECOG performance status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ECOG</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the grade that best describes the patient's current performance status.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Grade 5 (dead) is not selectable at a visit.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>0 — Fully active, able to carry on all pre-disease performance without restriction</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 — Restricted in physically strenuous activity but ambulatory and able to carry out work of a light nature</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>2 — Ambulatory and capable of all self-care but unable to carry out any work activities; up and about more than 50 % of waking hours</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>3 — Capable of only limited self-care; confined to bed or chair more than 50 % of waking hours</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>4 — Completely disabled; cannot carry on any self-care; totally confined to bed or chair</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>g8</name>
    <message>
      <source>G8 geriatric screening tool</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>G8</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ask the seven questions; the age item is scored from the patient's age at this visit. A total of 14 or less suggests a full geriatric assessment.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Food intake declined over the past 3 months (loss of appetite, digestive problems, chewing or swallowing difficulties)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Severe decline in food intake</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Moderate decline in food intake</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No decline in food intake</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Weight loss during the past 3 months</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Weight loss of more than 3 kg</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Does not know</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Weight loss between 1 and 3 kg</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No weight loss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mobility</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bed- or chair-bound</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Able to get out of bed or chair but does not go out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Goes out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Neuropsychological problems</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Severe dementia or depression</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mild dementia</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No psychological problems</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Body-mass index (weight in kg / height in m²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>BMI below 19</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>BMI 19 to below 21</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>BMI 21 to below 23</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>BMI 23 or more</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Takes more than three prescription drugs a day</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Yes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Compared with other people of the same age, how does the patient consider their health status?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not as good</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>As good</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Better</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Severe decline in food intake (0 points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Moderate decline in food intake (1 point)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No decline in food intake (2 points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Weight loss of more than 3 kg (0 points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Does not know (1 point)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Weight loss between 1 and 3 kg (2 points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No weight loss (3 points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bed- or chair-bound (0 points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Able to get out of bed or chair but does not go out (1 point)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Goes out (2 points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Severe dementia or depression (0 points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mild dementia (1 point)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No psychological problems (2 points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>BMI below 19 (0 points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>BMI 19 to below 21 (1 point)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>BMI 21 to below 23 (2 points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>BMI 23 or more (3 points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Yes (0 points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No (1 point)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not as good (0 points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Does not know (0.5 points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>As good (1 point)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Better (2 points)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>codebook</name>
    <message>
      <source>G8 screening total, age item included</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>0-17 in steps of 0.5</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>higher = better</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>G8 total of 14 or less: a full geriatric assessment is suggested</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>0, 1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Study ID of the patient (the only patient identifier of a de-identified export)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Date of the assessment visit (the visit date, never the data-entry time)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>YYYY-MM-DD</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Protocol timepoint of the visit, or 'Unscheduled'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Visit status: draft (being entered), complete (all instruments answered), signed (by a physician)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>draft, complete, signed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 = this visit is the patient's effective baseline: the visit marked baseline or, when none is marked, the earliest visit with Katz, Lawton and Charlson complete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>0-1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 = baseline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Date of the baseline this visit is compared with (the most recent marked baseline on or before the visit); empty = no baseline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Days from the baseline visit to this visit; empty = no baseline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>0 or more</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Age in completed years on the visit date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>whole years</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Katz Index of Independence in ADL, Hartford 0-6 dichotomous version; empty = incomplete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>0-6</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lawton-Brody IADL, all eight domains for every sex; empty = incomplete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>0-8</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Charlson Comorbidity Index, unadjusted, the index disease excluded; empty = incomplete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>0-33 (0-37 when a total was entered from paper)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>CCI + age points (50-59: 1, 60-69: 2, 70-79: 3, 80 or more: 4); information only, never used by the IMWG score</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>0-41</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>higher = more risk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ECOG performance status; empty = not recorded (optional)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>0-4</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>higher = worse</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>IMWG frailty score (Palumbo 2015): age + CCI + ADL + IADL points; empty = an instrument incomplete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>0-5</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>higher = frailer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>IMWG category: score 0 fit, 1 intermediate, 2 or more frail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>fit, intermediate, frail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>fit &lt; intermediate &lt; frail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>IMWG age points: 75 or under 0, 76-80 1, 81 or over 2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>0-2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>IMWG CCI point: 1 when CCI is 2 or more</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>IMWG ADL point: 1 when Katz ADL is 4 or less</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>IMWG IADL point: 1 when Lawton IADL is 5 or less</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Simplified frailty score (Facon 2020): IMWG age points + (CCI 2 or more: 1) + ECOG points (0: 0, 1: 1, 2 or more: 2); empty when ECOG is not recorded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Simplified frailty category: 0-1 non-frail, 2 or more frail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>non-frail, frail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>non-frail &lt; frail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ADL dependency count, derived: 6 - katz_adl</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>higher = more dependent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>IADL dependency count, derived: 8 - lawton_iadl</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>katz_adl at this visit - katz_adl at baseline; empty = no baseline, or either side incomplete (never 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>-6 to +6</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>lawton_iadl at this visit - lawton_iadl at baseline; empty = no baseline, or either side incomplete (never 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>-8 to +8</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>cci at this visit - cci at baseline; empty = no baseline, or either side incomplete (never 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>-37 to +37</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>imwg_score at this visit - imwg_score at baseline; empty = no baseline, or either side incomplete (never 0)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>-5 to +5</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>IMWG category transition since baseline, '&lt;baseline&gt; -&gt; &lt;this visit&gt;' (e.g. 'fit -&gt; frail'); empty when unchanged, or either side missing or no baseline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Patient name (identifying: absent from a de-identified export)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Birth date (identifying: absent from a de-identified export)</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
